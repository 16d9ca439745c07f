package com.cvchat.cvbuilder.data;

import com.cvchat.rules.cv.Removal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The JSON schema of a turn's structured answer, {@code {"patch": <partial data>, "message": <next question>,
 * "remove": [{"section", "match"}]}} (removals optional), derived from the doc type's shape (so it cannot drift from it).
 */
public final class ResponseSchema {

    private ResponseSchema() {
    }

    public static ObjectNode of(DocumentShape shape) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("patch", describe(shape.emptyData(), shape.itemTemplates()));
        properties.putObject("message").put("type", "string");
        properties.set(Removal.FIELD, Removal.schema());
        schema.putArray("required").add("patch").add("message");
        return schema;
    }

    private static ObjectNode describe(JsonNode template, Map<String, ObjectNode> items) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                properties.set(field.getKey(), describe(value, Map.of()));
            } else if (value.isArray()) {
                ObjectNode item = items.get(field.getKey());
                ObjectNode array = properties.putObject(field.getKey()).put("type", "array");
                array.set("items", item == null ? Json.object().put("type", "string") : describe(item, Map.of()));
            } else {
                properties.putObject(field.getKey()).put("type", "string");
            }
        }
        return schema;
    }
}
