package com.cvchat.cvbuilder.data;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Predicate;

/** A required section of a document shape and the rule that says it is collected. */
record RequiredSection(String name, Predicate<JsonNode> collected) {

    /** Splits {@code sections} into collected and missing (both in the given order) for {@code data}. */
    static Split split(List<RequiredSection> sections, JsonNode data) {
        List<String> collected = sections.stream().filter(s -> s.collected.test(data)).map(RequiredSection::name).toList();
        List<String> missing = sections.stream().filter(s -> !s.collected.test(data)).map(RequiredSection::name).toList();
        return new Split(collected, missing);
    }

    record Split(List<String> collected, List<String> missing) {
    }
}
