package com.cvchat.cvbuilder.data;

import java.util.List;
import java.util.function.Predicate;

/** A required section of a document shape (its wire name, as in {@code fields_collected}) and when it is collected. */
record RequiredSection<T>(String name, Predicate<T> collected) {

    /** Splits {@code sections} into collected and missing (both in the given order) for {@code data}. */
    static <T> Split split(List<RequiredSection<T>> sections, T data) {
        List<String> collected = sections.stream().filter(s -> s.collected.test(data)).map(RequiredSection::name).toList();
        List<String> missing = sections.stream().filter(s -> !s.collected.test(data)).map(RequiredSection::name).toList();
        return new Split(collected, missing);
    }

    record Split(List<String> collected, List<String> missing) {
    }
}
