package com.cvchat.llmworker.offline.cv;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Regular-expression building blocks shared by the extractors. */
final class Patterns {

    /** A person's name: two to four capitalised words. */
    static final String NAME = "(?-i:[A-Z][a-zA-Z'-]+(?:\\s+[A-Z][a-zA-Z'-]+){1,3})";
    /** A proper name (company, institution, place): capitalised words, allowing "of", "&", "and" inside. */
    static final String PROPER = "(?-i:[A-Z0-9][\\w&'-]*(?:\\.[\\w&'-]+)*(?:\\s+(?:(?:of|the|and|for|de|&)\\s+)?"
            + "[A-Z0-9][\\w&'-]*(?:\\.[\\w&'-]+)*)*)";
    /** A place: a proper name, optionally followed by ", Region". */
    static final String PLACE = "(?-i:[A-Z][\\w'-]*(?:\\s+[A-Z][\\w'-]*)*(?:,\\s*[A-Z][\\w'-]*(?:\\s+[A-Z][\\w'-]*)*)?)";
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
            "therapist", "psychologist", "auditor", "recruiter", "planner", "supervisor", "vp", "cto", "ceo", "cfo",
            "coo", "cio", "clerk", "tester", "trainer", "mechanic", "electrician", "pilot",
            "translator", "journalist", "secretary", "cashier", "operator", "sre", "devops", "partner");

    private Patterns() {
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** True when the last word of {@code phrase} names a role ("Senior Data Scientist", "Product Owner"). */
    static boolean isRole(String phrase) {
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
