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

    /** True when the patch holds a value the data did not already have (a repeated fact is no news). */
    boolean bringsNews() {
        return news(patch, "");
    }

    private boolean news(JsonNode node, String pointer) {
        if (node.isObject()) {
            return node.properties().stream().anyMatch(field -> news(field.getValue(), pointer + "/" + field.getKey()));
        }
        if (node.isArray()) {
            JsonNode before = data.at(pointer);
            return node.valueStream().anyMatch(item -> !before.isArray() || before.valueStream().noneMatch(item::equals));
        }
        return filled(node) && !node.asString().equalsIgnoreCase(data.at(pointer).asString(""));
    }

    String text(String pointer) {
        return filled(patch.at(pointer)) ? patch.at(pointer).asString() : data.at(pointer).asString("");
    }

    private static boolean filled(JsonNode node) {
        return node.isString() ? !node.asString().isBlank() : (node.isContainer() && !node.isEmpty());
    }
}
