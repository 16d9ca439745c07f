package com.cvchat.cvbuilder.data;

import com.cvchat.rules.cv.Removal;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of a turn's structured answer, {@code {"patch": <partial data>, "message": <next question>,
 * "remove": [{"section", "match"}]}} (removals optional); the patch's schema is the doc type's record's, so a field
 * added to the record is in it.
 */
public final class ResponseSchema {

    private ResponseSchema() {
    }

    public static ObjectNode of(DocumentShape shape) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("patch", shape.schema().deepCopy());
        properties.putObject("message").put("type", "string");
        properties.set(Removal.FIELD, Removal.schema());
        schema.putArray("required").add("patch").add("message");
        return schema;
    }
}
