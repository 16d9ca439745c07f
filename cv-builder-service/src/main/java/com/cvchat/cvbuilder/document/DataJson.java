package com.cvchat.cvbuilder.document;

import com.cvchat.events.json.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Document data as stored in MongoDB (a BSON document) and as it travels in events and on the API (a JSON tree). */
public final class DataJson {

    private DataJson() {
    }

    public static org.bson.Document toBson(JsonNode data) {
        return org.bson.Document.parse(data == null || !data.isObject() ? "{}" : data.toString());
    }

    public static JsonNode fromBson(org.bson.Document data) {
        if (data == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        return EventJson.mapper().readTree(data.toJson());
    }
}
