package com.cvchat.events.llm;

import com.cvchat.events.EventPayload;

/** What travels on {@code llm.requests}: a request for the model, or the cancellation of one. */
public sealed interface LlmRequestEvent extends EventPayload permits LlmRequest, LlmCancel {

    /** The id of the request this event is about (de-duplication key, correlates the answer). */
    String requestId();
}
