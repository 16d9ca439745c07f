package com.cvchat.cvbuilder.data;

import java.util.List;

/**
 * How far a document is.
 *
 * @param percent   0..100
 * @param collected required sections that are complete, in the shape's order
 * @param missing   required sections still to collect, in the order the assistant asks for them
 */
public record Progress(int percent, List<String> collected, List<String> missing) {

    public Progress {
        collected = List.copyOf(collected);
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
