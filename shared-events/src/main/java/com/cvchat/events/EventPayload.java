package com.cvchat.events;

/**
 * The body of an {@link EventEnvelope}. Every concrete payload is a record annotated with
 * {@link WireType}, which gives it a stable type name that has nothing to do with its Java name. The payload families
 * ({@code LlmRequestEvent}, {@code LlmResponseEvent}, {@code ConversationEvent}) are sealed; {@link EventTypes} lists them.
 */
public interface EventPayload {
}
