package com.cvchat.llmworker.provider;

/** Receives the text of an answer piece by piece, in order. */
@FunctionalInterface
public interface ChunkSink {

    /** Publishes one piece. Throws {@link GenerationCancelled} when the generation was stopped meanwhile. */
    void accept(String text);
}
