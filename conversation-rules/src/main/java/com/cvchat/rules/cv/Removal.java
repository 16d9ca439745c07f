package com.cvchat.rules.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry a CV turn asks to take out ("remove the Acme job"), as the model answers it beside the patch:
 * {@code "remove": [{"section": "experience", "match": "Acme"}]}. {@code section} is a field of the document data, a
 * nested one written with slashes ({@code skills/software_proficiency}); {@code match} names the entry (a company,
 * title, institution, degree or project name, or the text of a list item).
 */
public record Removal(String section, String match) {

    /** The field of a turn's structured answer that lists removals. */
    public static final String FIELD = "remove";

    /** The removals of a turn's structured answer; none when it has no well-formed {@value #FIELD} list. */
    public static List<Removal> listIn(JsonNode answer) {
        List<Removal> removals = new ArrayList<>();
        if (answer == null) {
            return removals;
        }
        for (JsonNode entry : answer.path(FIELD)) {
            String section = entry.path("section").asString("").strip();
            String match = entry.path("match").asString("").strip();
            if (!section.isEmpty() && !match.isEmpty()) {
                removals.add(new Removal(section, match));
            }
        }
        return removals;
    }

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("section", section).put("match", match);
    }

    /** The JSON schema of the {@value #FIELD} list, for a model's response schema. */
    public static ObjectNode schema() {
        ObjectNode array = JsonNodeFactory.instance.objectNode().put("type", "array");
        ObjectNode item = array.putObject("items").put("type", "object");
        item.putObject("properties").<ObjectNode>set("section", JsonNodeFactory.instance.objectNode().put("type", "string"))
                .set("match", JsonNodeFactory.instance.objectNode().put("type", "string"));
        item.putArray("required").add("section").add("match");
        return array;
    }
}
