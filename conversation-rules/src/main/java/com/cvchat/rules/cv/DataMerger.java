package com.cvchat.rules.cv;

import com.cvchat.events.cv.CvJson;
import com.cvchat.events.cv.DataSchema;
import com.cvchat.events.cv.WireText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a turn's patch (a partial document, kept as JSON: decision 1001) into document data of a record of
 * shared-events' {@code com.cvchat.events.cv}, given as its {@link DataSchema}. The platform's one merge rule: the
 * cv-builder applies it to every turn and edit, the offline model's evaluation to the turns it scores. The rules:
 * <ul>
 *   <li>only what the doc type's record has is taken, in the kinds it has ({@link CvJson#fit}); anything else in the
 *       patch is ignored;</li>
 *   <li>a non-blank text replaces the old value (new facts fill, corrections replace); blank or null changes nothing;
 *       texts follow the data's one text rule ({@link WireText});</li>
 *   <li>lists of texts gain the new items, without duplicates (compared case-insensitively);</li>
 *   <li>a list item object that names the same entry as an existing one (same company / institution / name, and no
 *       conflicting title or degree) is merged into it; otherwise it is appended.</li>
 * </ul>
 * Nothing is ever removed by a patch: a turn's removals ({@link Removal}, "remove the Acme job") are applied to the data
 * first, by the platform's one removal rule ({@link Removals}), then the patch is merged.
 */
public final class DataMerger {

    private static final List<String> IDENTITY_FIELDS = List.of("name", "company", "institution", "title", "degree");

    private DataMerger() {
    }

    /** {@code data} with {@code patch} merged in, as a complete document of {@code schema} (neither input changes). */
    public static ObjectNode merge(ObjectNode schema, JsonNode data, JsonNode patch) {
        return merge(schema, data, patch, List.of());
    }

    /** {@code data} without the entries of {@code removals}, then with {@code patch} merged in (no input changes). */
    public static ObjectNode merge(ObjectNode schema, JsonNode data, JsonNode patch, List<Removal> removals) {
        ObjectNode result = (ObjectNode) DataSchema.emptyValue(schema);
        mergeObject(result, CvJson.fit(removals.isEmpty() ? data : Removals.apply(data, removals), schema), schema);
        mergeObject(result, CvJson.fit(patch, schema), schema);
        return result;
    }

    /** Merges {@code patch}, already fitted to {@code schema}, into {@code target}. */
    private static void mergeObject(ObjectNode target, JsonNode patch, JsonNode schema) {
        if (patch == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String key = property.getKey();
            JsonNode value = patch.get(key);
            JsonNode shape = property.getValue();
            if (value == null) {
                continue;
            }
            switch (shape.path("type").asString()) {
                case "object" -> mergeObject((ObjectNode) target.get(key), value, shape);
                case "array" -> mergeList((ArrayNode) target.get(key), value, shape.path("items"));
                default -> {
                    String text = WireText.of(value.asString());
                    if (!text.isEmpty()) {
                        target.put(key, text);
                    }
                }
            }
        }
    }

    private static void mergeList(ArrayNode target, JsonNode values, JsonNode itemSchema) {
        for (JsonNode value : values) {
            if (!itemSchema.path("type").asString().equals("object")) {
                addDistinct(target, WireText.of(value.asString()));
                continue;
            }
            ObjectNode item = (ObjectNode) DataSchema.emptyValue(itemSchema);
            mergeObject(item, value, itemSchema);
            if (isEmpty(item)) {
                continue;
            }
            ObjectNode existing = findSame(target, item);
            if (existing == null) {
                target.add(item);
            } else {
                mergeObject(existing, item, itemSchema);
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
            String left = normalize(a.path(field).asString(""));
            String right = normalize(b.path(field).asString(""));
            if (!left.isEmpty() && !right.isEmpty()) {
                if (!left.equals(right)) {
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

    private static String normalize(String text) {
        return WireText.of(text).toLowerCase(Locale.ROOT);
    }
}
