package com.cvchat.cvbuilder.data;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The data shape of one doc type: its empty document, the shape of list items, and its progress rule. */
public interface DocumentShape {

    /** A new, empty document (every field present, strings empty, lists empty). */
    ObjectNode emptyData();

    /** The template of one item of each list of objects, keyed by the list's field name. */
    Map<String, ObjectNode> itemTemplates();

    /** Progress of {@code data} (which has this shape). */
    Progress progress(JsonNode data);
}
