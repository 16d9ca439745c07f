package com.cvchat.llmworker.offline.cv;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the person lives: said outright ("I'm in Boston, MA", "based in Lyon", "Location: São Paulo, Brazil"), after
 * the title ("a civil engineer in Dubai", "Sofia Rossi, marketing manager, Milan."), or as the last item of a contact
 * list ("aisha@outlook.com, +44 7700 900123, Manchester, UK").
 */
final class LocationFinder {

    private static final Pattern SAID = Patterns.cased("(?:\\b[Ii](?:'m|’m| am)(?:\\s+now|\\s+currently)?"
            + "(?:\\s+(?:based|living|located))?\\s+in|\\b(?:[Bb]ased|[Ll]ive|[Ll]iving|[Ll]ocated|[Rr]esid(?:e|ing)|"
            + "[Rr]elocated|[Mm]oved)\\s+(?:in|to)|\\b[Mm]y location is|\\b[Ll]ocation:|\\b[Ii](?:'m|’m| am) from|"
            + "\\b[Ll]ive in)\\s+(" + Patterns.PLACE + ")");
    private static final Pattern BASED = Patterns.cased("\\b[Ii](?:'m|’m| am)\\s+(" + Patterns.PLACE + ")[- ]based\\b");
    private static final String SENTENCE_END = "(?=\\s*(?:[.!;]|$))";
    private static final Pattern AFTER_TITLE = Patterns.compile("\\b(?:a|an)\\s+(" + Patterns.PHRASE + ")\\s+(?:in|from)\\s+("
            + Patterns.PLACE + ")" + SENTENCE_END);
    private static final Pattern AFTER_NAME_AND_TITLE = Patterns.compile(Patterns.NAME + "\\s*,\\s*(?:a |an )?("
            + Patterns.PHRASE + "),\\s*(" + Patterns.PLACE + ")" + SENTENCE_END);
    private static final Pattern LIST_TAIL = Patterns.cased("^[\\s,;|/]*(?:and\\s+)?(" + Patterns.PLACE + ")[\\s.!]*$");

    private LocationFinder() {
    }

    /** The location in {@code message}; {@code contactEnd} is where its last e-mail or phone number ends (or -1). */
    static Optional<String> find(String message, int contactEnd) {
        Matcher said = SAID.matcher(message);
        if (said.find()) {
            return Optional.of(Text.clean(said.group(1)));
        }
        Matcher based = BASED.matcher(message);
        if (based.find()) {
            return Optional.of(Text.clean(based.group(1)));
        }
        for (Pattern pattern : new Pattern[]{AFTER_TITLE, AFTER_NAME_AND_TITLE}) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                if (Patterns.isRole(m.group(1))) {
                    return Optional.of(Text.clean(m.group(2)));
                }
            }
        }
        if (contactEnd >= 0) {
            Matcher tail = LIST_TAIL.matcher(message.substring(contactEnd));
            if (tail.matches() && Dates.normalize(tail.group(1)).isEmpty()) {
                return Optional.of(Text.clean(tail.group(1)));
            }
        }
        return Optional.empty();
    }
}
