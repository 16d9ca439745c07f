package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Degrees: "I have a Master's in Computer Science from MIT, graduated in May 2016", "BSc in Mathematics, University
 * of Edinburgh, 2014", "I graduated from Stanford University with a PhD in Statistics in 2019".
 */
final class EducationExtractor {

    private static final String DEGREE = "((?i:(?:bachelor|master|doctor)(?:'s|’s|s)?(?:\\s+degree)?(?:\\s+of\\s+(?-i:\\p{Lu}\\w+"
            + "(?:\\s+\\p{Lu}\\w+){0,2}))?|(?:bachelor|master)(?:'s|’s|s)?(?:\\s+degree)?(?:\\s+of\\s+(?:science|arts|"
            + "engineering|business administration|fine arts|laws))?|doctorate|associate(?:'s|’s)(?:\\s+degree)?|associate degree|"
            + "high school diploma|diploma|nvq level \\d|hnd|pgce)|B\\.?Sc\\.?|M\\.?Sc\\.?|B\\.?A\\.|M\\.?A\\.|"
            // two-letter degrees are also US states ("Boston, MA"): not after a comma, and only before "in/of <field>" or "degree"
            + "(?<!,\\s)(?:BA|MA|BS|MS)(?=\\s+(?:in|of)\\s+[A-Za-z]|\\s+degree\\b)|"
            + "B\\.S\\.|M\\.S\\.|MBA|Ph\\.?D\\.?|B\\.?Eng\\.?|M\\.?Eng\\.?|B\\.?Tech|M\\.?Tech|LL\\.?B|LL\\.?M|"
            + "MPhil|BBA|BCom|(?i:phd|mba|bsc|msc|btech|mtech)|\\p{Lu}\\w+ degree)";
    private static final Pattern DEGREE_FIELD = Patterns.cased("\\b" + DEGREE + "(?![\\w])(?:\\s+(?:degree\\s+)?(?:in|of)\\s+("
            + Patterns.PHRASE + ")" + Patterns.PHRASE_END + ")?");
    private static final Pattern INSTITUTION = Patterns.cased("\\b(?:from|at)\\s+(?:the\\s+)?(" + Patterns.PROPER + ")");
    private static final Pattern INSTITUTION_WORD = Patterns.cased("(" + Patterns.PROPER.replace("[\\p{Lu}\\p{N}]", "\\p{Lu}")
            + ")");
    private static final Pattern STUDIED = Patterns.compile("\\bI studied\\s+(" + Patterns.PHRASE + ")" + Patterns.PHRASE_END);
    private static final Pattern GRADUATED = Patterns.compile("\\b(?:graduat(?:ed|ing|ion)|finished|completed|class of)"
            + "(?:\\s+(?:from\\s+" + Patterns.PROPER + "|in|on))*\\s+(" + Dates.DATE + ")");
    private static final Pattern GRADUATED_FROM = Patterns.compile("\\bgraduated from\\s+(?:the\\s+)?(" + Patterns.PROPER + ")");
    private static final Pattern LISTED_INSTITUTION = Patterns.cased("^(?:\\s+(?:in|of)\\s+[^,]+)?,\\s*(?:the\\s+)?(" + Patterns.PROPER
            + ")\\s*(?=,|\\.|$)");
    private static final Pattern ANY_DATE = Patterns.compile("(?:\\bin\\s+|,\\s*|\\(\\s*)(" + Dates.DATE + ")");
    private static final Pattern DETAILS = Patterns.compile("\\b(with (?:first[- ]class )?honou?rs|summa cum laude|magna cum laude|"
            + "cum laude|GPA(?: of)?\\s*[\\d.]+(?:/[\\d.]+)?|thesis on [^,.;]+|distinction)");

    /** Adds a degree found in {@code message} to {@code patch}'s {@code education}. */
    void extract(String message, ObjectNode patch) {
        for (String sentence : Text.sentences(message)) {
            ObjectNode degree = degree(sentence);
            if (degree != null) {
                patch.withArray("education").add(degree);
            }
        }
    }

    private static ObjectNode degree(String sentence) {
        Matcher d = DEGREE_FIELD.matcher(sentence);
        Matcher studied = STUDIED.matcher(sentence);
        boolean hasDegree = d.find();
        if (!hasDegree && !studied.find()) {
            return graduatedFrom(sentence);
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        if (hasDegree) {
            item.put("degree", degreeName(d.group(1)));
            if (d.group(2) != null) {
                item.put("field_of_study", Text.titleCase(d.group(2)));
            }
        } else {
            item.put("field_of_study", Text.titleCase(studied.group(1)));
        }
        institution(sentence, hasDegree ? d.end(1) : 0).ifPresent(name -> item.put("institution", name));
        graduation(sentence).ifPresent(date -> item.put("graduation_date", date));
        Matcher details = DETAILS.matcher(sentence);
        if (details.find()) {
            item.put("details", Text.clean(details.group(1)));
        }
        return item.path("institution").isMissingNode() && !hasDegree ? null : item;
    }

    /** "I graduated from the University of Leeds in 2016": a degree not named. */
    private static ObjectNode graduatedFrom(String sentence) {
        Matcher m = GRADUATED_FROM.matcher(sentence);
        if (!m.find() || !Dates.normalize(Text.clean(m.group(1))).isEmpty()) {
            return null;
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("institution", Text.clean(m.group(1)));
        graduation(sentence).ifPresent(date -> item.put("graduation_date", date));
        return item;
    }

    private static Optional<String> institution(String sentence, int degreeEnd) {
        Matcher listed = LISTED_INSTITUTION.matcher(sentence.substring(degreeEnd));
        if (degreeEnd > 0 && listed.find() && Dates.normalize(Text.clean(listed.group(1))).isEmpty()) {
            return Optional.of(Text.clean(listed.group(1)));
        }
        Matcher m = INSTITUTION.matcher(sentence);
        while (m.find()) {
            String name = Text.clean(m.group(1));
            if (Dates.normalize(name).isEmpty()) {
                return Optional.of(name);
            }
        }
        Matcher named = INSTITUTION_WORD.matcher(sentence);
        while (named.find()) {
            String name = Text.clean(named.group(1));
            if (name.matches("(?i).*\\b(university|college|institute|school|academy|polytechnic)\\b.*")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> graduation(String sentence) {
        Matcher m = GRADUATED.matcher(sentence);
        if (m.find()) {
            return Optional.of(Dates.normalize(m.group(1))).filter(s -> !s.isEmpty() && !s.equals("Present"));
        }
        Matcher any = ANY_DATE.matcher(sentence);
        String last = null;
        while (any.find()) {
            last = Dates.normalize(any.group(1));
        }
        return Optional.ofNullable(last).filter(s -> !s.isEmpty() && !s.equals("Present"));
    }

    private static String degreeName(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        for (String kind : new String[]{"bachelor", "master", "doctor", "associate"}) {
            if (lower.startsWith(kind)) {
                int of = lower.indexOf(" of ");
                String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
                if (of >= 0) {
                    return name + " of " + Text.titleCase(written.substring(of + 4));
                }
                return kind.equals("doctor") ? "Doctorate" : name + "'s";
            }
        }
        return switch (lower.replace(".", "")) {
            case "doctorate" -> "Doctorate";
            case "phd" -> "PhD";
            case "mba" -> "MBA";
            case "bsc" -> "BSc";
            case "msc" -> "MSc";
            default -> Text.titleCase(written);
        };
    }
}
