package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Skill lists: core competencies ("my skills include …"), software ("I use Python, SQL and Spark"), languages
 * ("I speak English (native) and Spanish (fluent)") and certifications ("I'm certified in …", "certifications: …").
 */
final class SkillsExtractor {

    private record Rule(String list, Pattern pattern) {
    }

    private static final String REST = "\\s+(.+?)\\s*(?:[.!?](?:\\s|$)|$)";
    private static final List<Rule> RULES = List.of(
            new Rule("core_competencies", Patterns.compile("\\b(?:my (?:key |core |main |top )?(?:skills|strengths|competencies)"
                    + " (?:include|are)|(?:core )?competencies(?: include| are|:)|(?:key |core )?skills(?: include| are|:)|"
                    + "I(?:'m| am) (?:skilled|experienced|strong) (?:in|at)|expertise in|I speciali[sz]e in|I(?:'m|’m| am) (?:pretty |really |very )?good at)" + REST)),
            new Rule("software_proficiency", Patterns.compile("\\b(?:I (?:use|work with|code in|program in|know)|"
                    + "I(?:'m|’m| am) (?:pretty |really |very )?good with|"
                    + "I(?:'m| am) proficient (?:in|with)|proficient (?:in|with)|(?:tools|software|technologies|"
                    + "programming languages|tech stack)(?: I use)?(?: include| are|:))" + REST)),
            new Rule("language_fluency", Patterns.compile("\\b(?:I speak|(?:spoken )?languages(?: I speak)?(?: include| are|:))" + REST)),
            new Rule("certifications", Patterns.compile("\\b(?:certifications?(?: include| are|:)|I(?:'m| am) certified (?:in|as)|"
                    + "(?:I hold|I have|I earned)(?: the| a| an)? (?=[^.]*(?:certif|licen[cs]e)))" + REST)));
    /** What a skill never is: a date, an e-mail, a place or company ("… at X"), a degree, a job title, a sentence. */
    private static final Pattern NOT_A_SKILL = Patterns.compile("@|\\b(?:19|20)\\d{2}\\b|\\d{1,2}/\\d{4}|\\b(?:at|from|since|until|"
            + "graduated|university|college|bachelor|master|degree|phd|bsc|msc|mba|i|my|me|you|we)\\b");
    private static final int MAX_SKILL_WORDS = 6;
    private static final Pattern FLUENT = Patterns.compile("\\b(?:fluent|native|bilingual) in\\s+(.+?)\\s*(?:[.!?](?:\\s|$)|$)");
    private static final Set<String> HUMAN_LANGUAGES = Set.of("english", "spanish", "french", "german", "italian",
            "portuguese", "dutch", "russian", "chinese", "mandarin", "cantonese", "japanese", "korean", "arabic",
            "hindi", "bengali", "urdu", "turkish", "polish", "swedish", "norwegian", "danish", "finnish", "greek",
            "hebrew", "persian", "farsi", "vietnamese", "thai", "indonesian", "malay", "swahili", "ukrainian",
            "czech", "romanian", "hungarian", "catalan", "tagalog");
    private static final Pattern PARENS = Patterns.cased("\\(([^)]*)\\)");

    /** Adds the skill lists {@code message} names to {@code patch.skills}. */
    void extract(String message, ObjectNode patch) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(message);
            while (m.find()) {
                add(patch, rule.list(), items(rule.list(), m.group(1)));
            }
        }
        Matcher fluent = FLUENT.matcher(message);
        while (fluent.find()) {
            add(patch, "language_fluency", Text.list(fluent.group(1)).stream()
                    .filter(l -> HUMAN_LANGUAGES.contains(l.toLowerCase(Locale.ROOT))).map(l -> Text.titleCase(l) + " (Fluent)").toList());
        }
    }

    private static List<String> items(String list, String text) {
        List<String> items = Text.list(text.replaceAll("(?i)\\s+certifications?$", "")).stream()
                .filter(item -> plausible(item) && (list.equals("certifications") || !isRoleWord(item))).toList();
        return switch (list) {
            case "language_fluency" -> items.stream().map(SkillsExtractor::language).toList();
            case "certifications" -> items.stream().map(i -> i.replaceAll("(?i)\\s+certifi(?:cation|cate)s?$", "")).toList();
            default -> items;
        };
    }

    /** "Engineer" alone is a fragment of a job title; "Adobe Illustrator" is software. */
    private static boolean isRoleWord(String item) {
        return !item.contains(" ") && Patterns.isRole(item);
    }

    private static boolean plausible(String item) {
        return item.split("\\s+").length <= MAX_SKILL_WORDS && !NOT_A_SKILL.matcher(item).find();
    }

    /** "english (native)" → "English (Native)". */
    private static String language(String item) {
        Matcher level = PARENS.matcher(item);
        String name = Text.titleCase(PARENS.matcher(item).replaceAll("").trim());
        return level.find() ? name + " (" + Text.titleCase(level.group(1)) + ")" : name;
    }

    private static void add(ObjectNode patch, String list, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        ArrayNode target = patch.withObject("skills").withArray(list);
        items.forEach(target::add);
    }
}
