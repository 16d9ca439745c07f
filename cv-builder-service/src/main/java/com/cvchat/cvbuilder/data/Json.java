package com.cvchat.cvbuilder.data;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.stream.StreamSupport;

/** Small helpers for reading document data. */
public final class Json {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** True when {@code node.field} is a non-blank string. */
    public static boolean filled(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank();
    }

    /** True when every listed string field of {@code node} is non-blank. */
    public static boolean allFilled(JsonNode node, String... fields) {
        for (String field : fields) {
            if (!filled(node, field)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code node.field} is a list with at least one item for which every listed field is filled. */
    public static boolean hasItemWith(JsonNode node, String field, String... itemFields) {
        JsonNode list = node.path(field);
        return list.isArray() && StreamSupport.stream(list.spliterator(), false)
                .anyMatch(item -> item.isString() ? !item.asString().isBlank() : allFilled(item, itemFields));
    }
}
