package com.cvchat.events.cv;

import com.cvchat.events.json.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CV and cover-letter data between their records and JSON, with the wire conventions of {@link EventJson}. Reading is
 * tolerant the way a document built up through conversation needs: a missing or null part reads as empty, a single
 * text where a list belongs reads as a one-item list, a number where a text belongs as its digits, and fields the
 * record does not have are ignored. Anything that is not an object reads as the empty document.
 */
public final class CvJson {

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

    private static <T> T read(JsonNode data, Class<T> type, T empty) {
        return data == null || !data.isObject() ? empty : EventJson.mapper().treeToValue(data, type);
    }
}
