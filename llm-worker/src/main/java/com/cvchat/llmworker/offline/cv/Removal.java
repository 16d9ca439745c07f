package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Remove the Arabtec job", "delete Photoshop from my skills". A patch can only add or replace (cv-builder-service's
 * merge never removes), so the turn names the entry in {@code "remove": [{"section": …, "match": …}]} beside the patch
 * and says plainly that the entry stays until removals are supported.
 */
final class Removal {

    private static final Pattern ASK = Patterns.compile("\\b(?:remove|delete|drop|take out|get rid of|leave out)\\s+"
            + "(?:the\\s+|my\\s+)?(.+?)(?:\\s+(?:job|position|role|entry|degree|skill|project|award))?"
            + "(?:\\s+(?:from|in|on) (?:my |the )?(?:cv|skills|skill list|experience|education|projects|list))?\\s*(?:[,.!;]|$)");
    private static final List<String> ITEM_SECTIONS = List.of("experience", "education", "key_projects_achievements");
    private static final List<String> NAME_FIELDS = List.of("company", "title", "institution", "degree", "name");

    private Removal() {
    }

    /** The entry of {@code data} that {@code message} asks to remove, as {@code {"section", "match"}}. */
    static Optional<ObjectNode> asked(String message, JsonNode data) {
        Matcher ask = ASK.matcher(message);
        if (!ask.find()) {
            return Optional.empty();
        }
        String wanted = Text.clean(ask.group(1)).toLowerCase(Locale.ROOT);
        for (String section : ITEM_SECTIONS) {
            for (JsonNode item : data.path(section)) {
                for (String field : NAME_FIELDS) {
                    if (item.path(field).asString("").toLowerCase(Locale.ROOT).equals(wanted)) {
                        return Optional.of(entry(section, item.path(field).asString()));
                    }
                }
            }
        }
        for (var list : data.path("skills").properties()) {
            for (JsonNode skill : list.getValue()) {
                if (skill.asString("").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(entry("skills/" + list.getKey(), skill.asString()));
                }
            }
        }
        return Optional.empty();
    }

    static String reply(ObjectNode removal) {
        return "I can't delete entries from your CV in this chat yet, so " + removal.path("match").asString()
                + " stays in it for now. ";
    }

    private static ObjectNode entry(String section, String match) {
        return JsonNodeFactory.instance.objectNode().put("section", section).put("match", match);
    }
}
