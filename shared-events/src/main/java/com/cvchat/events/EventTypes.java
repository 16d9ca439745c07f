package com.cvchat.events;

import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmResponseEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registry of every payload type, found through the sealed hierarchy so that a new record cannot be forgotten. */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Class<?> root : List.of(LlmRequestEvent.class, LlmResponseEvent.class, ConversationEvent.class)) {
            collect(root);
        }
    }

    private EventTypes() {
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub);
            }
        } else if (type.isRecord() && type != ErasedEvent.class) {
            WireType wire = wireTypeOf(type);
            Class<?> previous = BY_NAME.putIfAbsent(wire.name(), (Class<? extends EventPayload>) type);
            if (previous != null && previous != type) {
                throw new IllegalStateException("Duplicate wire type " + wire.name() + ": " + previous + " and " + type);
            }
        }
    }

    public static WireType wireTypeOf(Class<?> payloadType) {
        WireType wire = payloadType.getAnnotation(WireType.class);
        if (wire == null) {
            throw new IllegalArgumentException(payloadType.getName() + " has no @WireType");
        }
        return wire;
    }

    public static Optional<Class<? extends EventPayload>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All wire type names, in a stable order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
    }
}
