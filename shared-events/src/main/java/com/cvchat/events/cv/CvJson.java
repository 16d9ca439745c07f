package com.cvchat.events.cv;

import com.cvchat.events.json.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * CV and cover-letter data between their records and JSON, with the wire conventions of {@link EventJson}. Reading is
 * tolerant the way data built up through conversation needs, so a wrong kind of value loses that value, never the
 * document: the JSON is first fitted to the record's {@link DataSchema} — fields the record does not have are dropped,
 * a single value where a list belongs becomes a one-item list, a number or boolean where a text belongs its text, and
 * any other value of the wrong kind is dropped — and a missing part then reads as empty. Anything but an object reads
 * as the empty document.
 */
public final class CvJson {

    private static final Map<Class<?>, ObjectNode> SCHEMAS = Map.of(
            CvData.class, DataSchema.of(CvData.class), CoverLetterData.class, DataSchema.of(CoverLetterData.class));

    private CvJson() {
    }

    public static CvData cv(JsonNode data) {
        return read(data, CvData.class, CvData.EMPTY);
    }

    public static CoverLetterData coverLetter(JsonNode data) {
        return read(data, CoverLetterData.class, CoverLetterData.EMPTY);
    }

    /** The wire JSON of a record of this package (every field present, in the record's order). */
    public static ObjectNode tree(Record data) {
        return EventJson.mapper().valueToTree(data);
    }

    /** {@code value} with only what {@code schema} describes, in the kinds it describes; null when nothing fits. */
    public static JsonNode fit(JsonNode value, JsonNode schema) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (schema.path("type").asString()) {
            case "object" -> {
                if (!value.isObject()) {
                    yield null;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    JsonNode fitted = fit(value.get(property.getKey()), property.getValue());
                    if (fitted != null) {
                        out.set(property.getKey(), fitted);
                    }
                }
                yield out;
            }
            case "array" -> {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : value.isArray() ? value : List.of(value)) {
                    JsonNode fitted = fit(item, schema.path("items"));
                    if (fitted != null) {
                        out.add(fitted);
                    }
                }
                yield out;
            }
            default -> value.isValueNode() ? JsonNodeFactory.instance.stringNode(value.asString()) : null;
        };
    }

    private static <T> T read(JsonNode data, Class<T> type, T empty) {
        JsonNode fitted = fit(data, SCHEMAS.get(type));
        return fitted == null ? empty : EventJson.mapper().treeToValue(fitted, type);
    }
}
