package com.cvchat.llmworker.offline.eval;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a turn's patch the way cv-builder-service's {@code DataMerger} documents it (llm-worker cannot depend on that
 * service): a non-blank string replaces the old value; a list of strings gains new items (case-insensitive, no
 * duplicates); an item object naming the same entry as an existing one (same company / institution / name, no
 * conflicting title or degree) is merged into it, else appended. A turn's removals are applied before, by the
 * platform's own rule ({@code Removals} of conversation-rules), as the service does.
 */
final class PatchMerge {

    private static final List<String> IDENTITY = List.of("name", "company", "institution", "title", "degree");

    private PatchMerge() {
    }

    static ObjectNode apply(JsonNode data, JsonNode patch) {
        ObjectNode result = data.isObject() ? (ObjectNode) data.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (patch.isObject()) {
            mergeInto(result, (ObjectNode) patch);
        }
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            String key = field.getKey();
            if (value.isString() && !value.asString().isBlank()) {
                target.put(key, value.asString().trim());
            } else if (value.isObject()) {
                mergeInto(target.withObject(key), (ObjectNode) value);
            } else if (value.isArray()) {
                ArrayNode list = target.withArray(key);
                value.forEach(item -> addItem(list, item));
            }
        }
    }

    private static void addItem(ArrayNode list, JsonNode item) {
        if (item.isObject()) {
            for (JsonNode existing : list) {
                if (existing.isObject() && sameEntry(existing, item)) {
                    mergeInto((ObjectNode) existing, (ObjectNode) item);
                    return;
                }
            }
            list.add(item.deepCopy());
            return;
        }
        String text = item.asString("").trim();
        if (!text.isEmpty() && list.valueStream().noneMatch(old -> old.asString("").equalsIgnoreCase(text))) {
            list.add(text);
        }
    }

    private static boolean sameEntry(JsonNode a, JsonNode b) {
        boolean shared = false;
        for (String field : IDENTITY) {
            String left = a.path(field).asString("").trim().toLowerCase(Locale.ROOT);
            String right = b.path(field).asString("").trim().toLowerCase(Locale.ROOT);
            if (!left.isEmpty() && !right.isEmpty()) {
                if (!left.equals(right)) {
                    return false;
                }
                shared = true;
            }
        }
        return shared;
    }
}
