package com.cvchat.llmworker.offline.eval;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field value of document data: {@code section} (the top-level key), {@code field} (the leaf name, which decides
 * how values compare), {@code key} (where it sits: "personal_info/email", "skills/certifications",
 * "experience/description_bullets") and the value. Each item of a string list is a fact of its own.
 */
record Fact(String section, String key, String field, String value) {

    /** Core competencies and software are one pool: which of the two a skill belongs to is a matter of taste. */
    private static final Map<String, String> SAME_KEY = Map.of(
            "skills/core_competencies", "skills/competencies_and_software",
            "skills/software_proficiency", "skills/competencies_and_software");

    /** The facts of {@code node}, a section or an item of one; object lists are left to the caller (see {@link Scorer}). */
    static List<Fact> of(String section, String path, JsonNode node) {
        List<Fact> facts = new ArrayList<>();
        collect(section, path, "", node, facts);
        return facts;
    }

    private static void collect(String section, String path, String field, JsonNode node, List<Fact> out) {
        if (node.isString() && !node.asString().isBlank()) {
            out.add(new Fact(section, SAME_KEY.getOrDefault(path, path), field, node.asString().trim()));
        } else if (node.isArray()) {
            node.forEach(item -> collect(section, path, field, item, out));
        } else if (node.isObject()) {
            node.properties().forEach(entry -> collect(section,
                    path.isEmpty() ? entry.getKey() : path + "/" + entry.getKey(), entry.getKey(), entry.getValue(), out));
        }
    }
}
