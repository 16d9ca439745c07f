package com.cvchat.llmworker.provider;

/** Thrown inside a generation once it has been cancelled; the dispatcher decides what (if anything) to publish. */
public class GenerationCancelled extends RuntimeException {

    public GenerationCancelled() {
        super("generation cancelled", null, false, false);
    }
}
