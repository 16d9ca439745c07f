package com.cvchat.cvbuilder.data;

import com.cvchat.events.cv.CvJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The data shape of one doc type: its record (shared-events' {@code com.cvchat.events.cv}) and its progress rule. */
public interface DocumentShape {

    /** The doc type's empty record. */
    Record empty();

    /** The JSON schema of the doc type's record ({@link com.cvchat.events.cv.DataSchema}). */
    ObjectNode schema();

    /** Progress of {@code data} (which has this shape). */
    Progress progress(JsonNode data);

    /** A new, empty document (every field present, texts empty, lists empty). */
    default ObjectNode emptyData() {
        return CvJson.tree(empty());
    }
}
