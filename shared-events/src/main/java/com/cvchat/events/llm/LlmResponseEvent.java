package com.cvchat.events.llm;

import com.cvchat.events.EventPayload;

/**
 * What travels on the reply topics ({@code llm.responses.<service>}): chunks of an answer, then exactly one
 * {@link LlmCompleted} or {@link LlmFailed}; the last event also on {@code llm.outcomes} when the request asked for it.
 */
public sealed interface LlmResponseEvent extends EventPayload permits LlmChunk, LlmCompleted, LlmFailed {

    String requestId();

    /** The service that asked (its {@link LlmRequest#origin()}). */
    String origin();

    /** True for the last event of a request. */
    default boolean terminal() {
        return !(this instanceof LlmChunk);
    }
}
