package com.cvchat.cvbuilder.document.render;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Tolerant reads of document data: a missing field, a null or a value of the wrong kind reads as empty. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return "";
        }
        return value.asString().strip();
    }

    /** An array of strings (blank ones dropped); a single string reads as a one-element list. */
    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && !item.asString().isBlank()) {
                    out.add(item.asString().strip());
                }
            }
        } else if (value.isValueNode() && !value.asString().isBlank()) {
            out.add(value.asString().strip());
        }
        return out;
    }

    static List<JsonNode> objects(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isObject()) {
                    out.add(item);
                }
            });
        }
        return out;
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }
}
