package com.cvchat.events.llm;

import com.cvchat.events.EventPayload;

/** What travels on {@code llm.responses}: chunks of an answer, then exactly one {@link LlmCompleted} or {@link LlmFailed}. */
public sealed interface LlmResponseEvent extends EventPayload permits LlmChunk, LlmCompleted, LlmFailed {

    String requestId();

    /** The service that asked (its {@link LlmRequest#origin()}), so each service reads only its own answers. */
    String origin();

    /** True for the last event of a request. */
    default boolean terminal() {
        return !(this instanceof LlmChunk);
    }
}
