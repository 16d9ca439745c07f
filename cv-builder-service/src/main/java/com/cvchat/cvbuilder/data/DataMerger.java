package com.cvchat.cvbuilder.data;

import com.cvchat.rules.cv.Removal;
import com.cvchat.rules.cv.Removals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a turn's patch into document data. The rules:
 * <ul>
 *   <li>only fields of the doc type's shape are taken; anything else in the patch is ignored;</li>
 *   <li>a non-blank string replaces the old value (new facts fill, corrections replace); blank or null changes nothing;</li>
 *   <li>lists of strings gain the new items, without duplicates (compared case-insensitively);</li>
 *   <li>a list item object that names the same entry as an existing one (same company / institution / name, and no
 *       conflicting title or degree) is merged into it; otherwise it is appended.</li>
 * </ul>
 * Nothing is ever removed by a patch: a turn's removals ({@link Removal}, "remove the Acme job") are applied to the data
 * first, by the platform's one removal rule ({@link Removals}), then the patch is merged.
 */
public final class DataMerger {

    private static final List<String> IDENTITY_FIELDS = List.of("name", "company", "institution", "title", "degree");

    /** {@code data} with {@code patch} merged in, as a complete document of {@code shape} (neither input changes). */
    public ObjectNode merge(DocumentShape shape, JsonNode data, JsonNode patch) {
        return merge(shape, data, patch, List.of());
    }

    /** {@code data} without the entries of {@code removals}, then with {@code patch} merged in (no input changes). */
    public ObjectNode merge(DocumentShape shape, JsonNode data, JsonNode patch, List<Removal> removals) {
        ObjectNode result = shape.emptyData();
        mergeObject(result, removals.isEmpty() ? data : Removals.apply(data, removals), shape.emptyData(),
                shape.itemTemplates());
        mergeObject(result, patch, shape.emptyData(), shape.itemTemplates());
        return result;
    }

    private void mergeObject(ObjectNode target, JsonNode patch, ObjectNode template, Map<String, ObjectNode> items) {
        if (patch == null || !patch.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            String key = field.getKey();
            JsonNode value = patch.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode shape = field.getValue();
            if (shape.isString()) {
                String text = scalar(value);
                if (!text.isEmpty()) {
                    target.put(key, text);
                }
            } else if (shape.isObject()) {
                mergeObject((ObjectNode) target.get(key), value, (ObjectNode) shape, Map.of());
            } else if (shape.isArray()) {
                mergeList((ArrayNode) target.get(key), value.isArray() ? value : Json.array().add(value), items.get(key));
            }
        }
    }

    private void mergeList(ArrayNode target, JsonNode values, ObjectNode itemTemplate) {
        for (JsonNode value : values) {
            if (itemTemplate == null) {
                addDistinct(target, scalar(value));
            } else if (value.isObject()) {
                ObjectNode item = itemTemplate.deepCopy();
                mergeObject(item, value, itemTemplate, Map.of());
                if (isEmpty(item)) {
                    continue;
                }
                ObjectNode existing = findSame(target, item);
                if (existing == null) {
                    target.add(item);
                } else {
                    mergeObject(existing, item, itemTemplate, Map.of());
                }
            }
        }
    }

    private static void addDistinct(ArrayNode target, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (JsonNode existing : target) {
            if (existing.asString().equalsIgnoreCase(text)) {
                return;
            }
        }
        target.add(text);
    }

    private static ObjectNode findSame(ArrayNode list, ObjectNode item) {
        for (JsonNode candidate : list) {
            if (sameEntry(candidate, item)) {
                return (ObjectNode) candidate;
            }
        }
        return null;
    }

    private static boolean sameEntry(JsonNode a, JsonNode b) {
        boolean shared = false;
        for (String field : IDENTITY_FIELDS) {
            if (Json.filled(a, field) && Json.filled(b, field)) {
                if (!normalize(a.get(field).asString()).equals(normalize(b.get(field).asString()))) {
                    return false;
                }
                shared = true;
            }
        }
        return shared;
    }

    private static boolean isEmpty(ObjectNode item) {
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            JsonNode value = field.getValue();
            if (value.isString() ? !value.asString().isBlank() : !value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asString().trim() : "";
    }

    private static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
