package com.cvchat.llmworker.offline.cv;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Regular-expression building blocks shared by the extractors. */
final class Patterns {

    /** A word of a script without Latin letters (Cyrillic, Greek, Han, Arabic, Hebrew, Devanagari, Hangul …). */
    private static final String OTHER_SCRIPT_WORD = "[\\p{L}\\p{M}&&[^\\p{IsLatin}]][\\p{L}\\p{M}'’-]*";
    private static final String OTHER_SCRIPT_NAME = OTHER_SCRIPT_WORD + "(?:\\s+" + OTHER_SCRIPT_WORD + "){0,3}";
    private static final String CAPITALISED_NAME = "\\p{Lu}[\\p{L}\\p{M}'’-]+(?:\\s+(?:(?:van|von|de|da|del|der|di|du|dos|bin|ibn|al)\\s+)?"
            + "\\p{Lu}[\\p{L}\\p{M}'’-]+){1,3}";
    /**
     * A person's name as written: two to four capitalised words in any cased script, optionally followed by the same
     * name in another script ("Ivan Petrov (Иван Петров)", "Nikos Papadopoulos / Νίκος Παπαδόπουλος"); or one to four
     * words of a script without Latin letters ("王伟", "박지우").
     */
    static final String NAME = "(?-i:" + CAPITALISED_NAME + "(?:\\s*\\(\\s*" + OTHER_SCRIPT_NAME + "\\s*\\)|\\s+/\\s+"
            + OTHER_SCRIPT_NAME + ")?|" + OTHER_SCRIPT_NAME + "(?:\\s*\\(\\s*" + CAPITALISED_NAME + "\\s*\\))?)";
    /** A proper name (company, institution, place): capitalised words, allowing "of", "&", "+", "and" inside. */
    static final String PROPER = "(?-i:[\\p{Lu}\\p{N}][\\w&'’-]*(?:\\.[\\w&'’-]+)*(?:\\s+(?:(?:of|the|and|for|de|&|\\+)\\s+)?"
            + "[\\p{Lu}\\p{N}][\\w&'’-]*(?:\\.[\\w&'’-]+)*)*)";
    /** A place: a proper name, optionally followed by ", Region". */
    static final String PLACE = "(?-i:\\p{Lu}[\\w'’-]*(?:\\s+\\p{Lu}[\\w'’-]*)*(?:,\\s*\\p{Lu}[\\w'’-]*(?:\\s+\\p{Lu}[\\w'’-]*)*)?)";
    /** A phrase of up to six words (a job title, a field of study), ended by a stop word or punctuation. */
    static final String PHRASE = "[A-Za-z][\\w/&+#.-]*(?:\\s+[\\w/&+#.-]+){0,5}?";
    /** Where a phrase ends. */
    static final String PHRASE_END = "(?=\\s+(?:with|at|for|from|based|living|in|and|who|working|since|where|specializing)\\b|[,;!?()]|\\.(?:\\s|$)|$)";

    static final Set<String> ROLE_WORDS = Set.of("engineer", "developer", "scientist", "analyst", "manager", "designer",
            "consultant", "architect", "director", "specialist", "administrator", "officer", "lead", "teacher", "nurse",
            "accountant", "writer", "researcher", "student", "intern", "technician", "coordinator", "programmer",
            "executive", "assistant", "head", "president", "founder", "owner", "editor", "lawyer", "doctor",
            "physician", "marketer", "strategist", "professor", "lecturer", "advisor", "adviser", "economist",
            "statistician", "representative", "agent", "producer", "artist", "photographer", "chef", "pharmacist",
            "therapist", "practitioner", "associate", "apprentice", "surgeon", "dentist", "paralegal", "attorney",
            "solicitor", "barrister", "nanny", "caregiver", "driver", "courier", "buyer", "merchandiser", "psychologist", "auditor", "recruiter", "planner", "supervisor", "vp", "cto", "ceo", "cfo",
            "coo", "cio", "clerk", "tester", "trainer", "mechanic", "electrician", "pilot",
            "translator", "interpreter", "geologist", "generalist", "biologist", "chemist", "physicist", "receptionist",
            "cook", "baker", "waiter", "waitress", "barista", "bartender", "cleaner", "carpenter", "plumber", "welder",
            "farmer", "paramedic", "midwife", "veterinarian", "optician", "dietitian", "nutritionist", "librarian",
            "curator", "musician", "actor", "dancer", "singer", "composer", "author", "illustrator", "animator", "tutor",
            "instructor", "coach", "counselor", "counsellor", "worker", "inspector", "surveyor", "underwriter",
            "actuary", "banker", "broker", "trader", "bookkeeper", "controller", "treasurer", "hygienist",
            "radiographer", "optometrist", "journalist", "secretary", "cashier", "operator", "sre", "devops", "partner");

    /** A trait, not a job: "hard worker", "quick learner", "big fan". */
    private static final Pattern TRAIT = compile("(?:hard|quick|fast|good|great|keen|avid|big|huge|team)\\s+"
            + "(?:worker|learner|reader|driver|cook|fan|player|thinker|communicator)");

    private Patterns() {
    }

    /** Case-insensitive, Unicode-aware ({@code \\w} and {@code \\b} know every script's letters). */
    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** Case-sensitive, Unicode-aware. */
    static Pattern cased(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** True when the last word of {@code phrase} names a role ("Senior Data Scientist", "Product Owner"). */
    static boolean isRole(String phrase) {
        if (TRAIT.matcher(phrase.trim()).matches()) {
            return false;
        }
        String[] words = phrase.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return words.length > 0 && ROLE_WORDS.contains(words[words.length - 1].replaceAll("[^a-z]", ""));
    }

    /** True when any word of {@code phrase} names a role (so it is a title, not a person's name). */
    static boolean mentionsRole(String phrase) {
        for (String word : phrase.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (ROLE_WORDS.contains(word.replaceAll("[^a-z]", "")) || Set.of("senior", "junior", "data", "software",
                    "principal", "staff", "chief").contains(word)) {
                return true;
            }
        }
        return false;
    }
}
