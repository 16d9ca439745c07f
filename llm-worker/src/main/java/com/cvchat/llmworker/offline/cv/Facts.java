package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;

/** What is known after a turn: the patch of this message over the document data before it. */
record Facts(JsonNode data, JsonNode patch) {

    /** True when the field at {@code pointer} (e.g. {@code /personal_info/email}) is non-empty in the patch or the data. */
    boolean has(String pointer) {
        return filled(patch.at(pointer)) || filled(data.at(pointer));
    }

    /** True when the patch itself brings a value at {@code pointer}. */
    boolean added(String pointer) {
        return filled(patch.at(pointer));
    }

    /** True when the data before this turn had a value at {@code pointer}. */
    boolean had(String pointer) {
        return filled(data.at(pointer));
    }

    String text(String pointer) {
        return filled(patch.at(pointer)) ? patch.at(pointer).asString() : data.at(pointer).asString("");
    }

    private static boolean filled(JsonNode node) {
        return node.isString() ? !node.asString().isBlank() : (node.isContainer() && !node.isEmpty());
    }
}
