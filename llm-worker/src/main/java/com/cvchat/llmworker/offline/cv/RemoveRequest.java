package com.cvchat.llmworker.offline.cv;

import com.cvchat.rules.cv.Removal;
import com.cvchat.rules.cv.Removals;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Remove the Arabtec job", "delete Photoshop from my skills": the entry of the data the message names, answered in
 * {@code "remove": [{"section": …, "match": …}]} beside the patch; cv-builder-service takes it out by the platform's
 * one removal rule ({@link Removals}), which is also how this turn knows what is left.
 */
final class RemoveRequest {

    private static final Pattern ASK = Patterns.compile("\\b(?:remove|delete|drop|take out|get rid of|leave out)\\s+"
            + "(?:the\\s+|my\\s+)?(.+?)(?:\\s+(?:job|position|role|entry|degree|skill|project|award))?"
            + "(?:\\s+(?:from|in|on) (?:my |the )?(?:cv|skills|skill list|experience|education|projects|list))?\\s*(?:[,.!;]|$)");
    private static final List<String> ITEM_SECTIONS = List.of("experience", "education", "key_projects_achievements");

    private RemoveRequest() {
    }

    /** What {@code message} asks to remove, in its words ("the Acme job" → "Acme"), whether or not the data has it. */
    static Optional<String> wanted(String message) {
        Matcher ask = ASK.matcher(message);
        return ask.find() ? Optional.of(Text.clean(ask.group(1))).filter(w -> !w.isBlank()) : Optional.empty();
    }

    /** The entry of {@code data} that {@code message} asks to remove. */
    static Optional<Removal> asked(String message, JsonNode data) {
        Optional<String> asked = wanted(message);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        String wanted = asked.get();
        for (String section : ITEM_SECTIONS) {
            for (JsonNode item : data.path(section)) {
                for (JsonNode name : item) {
                    if (name.isString() && Removals.names(name, wanted)) {
                        return Optional.of(new Removal(section, name.asString())); // as the data writes it
                    }
                }
            }
        }
        for (var list : data.path("skills").properties()) {
            for (JsonNode skill : list.getValue()) {
                if (Removals.names(skill, wanted)) {
                    return Optional.of(new Removal("skills/" + list.getKey(), skill.asString()));
                }
            }
        }
        return Optional.empty();
    }

    static String reply(Removal removal) {
        return "Done: I removed " + removal.match() + " from your CV. ";
    }

    /** The reply when nothing in the CV is called {@code wanted}: said plainly, nothing removed. */
    static String notFound(String wanted) {
        return "I couldn't find " + wanted + " in your CV, so nothing was removed. ";
    }
}
