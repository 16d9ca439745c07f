package com.cvchat.cvbuilder.document.render;

import com.cvchat.events.cv.WireText;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant reads of the looser cover-letter forms {@link CoverLetterView} accepts besides {@code CoverLetterData}: a
 * missing field, a null or a value of the wrong kind reads as empty; texts follow the data's one rule ({@link WireText}).
 */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return "";
        }
        return WireText.of(value.asString());
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
                    out.add(WireText.of(item.asString()));
                }
            }
        } else if (value.isValueNode() && !value.asString().isBlank()) {
            out.add(WireText.of(value.asString()));
        }
        return out;
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }
}
