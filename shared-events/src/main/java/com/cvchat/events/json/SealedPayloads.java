package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.sealing.DataKey;
import com.cvchat.events.sealing.DataKeys;
import com.cvchat.events.sealing.PayloadSealer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The sealed form of a {@code conversation.events} payload: {@code {"sealed": "<base64 AES-GCM>", "key_id": "<id>"}}
 * in place of the payload object. Everything else in the envelope (ids, type, schema version, time, user id) stays
 * in clear, so the log remains readable by a stock client and erasure only needs the user's key destroyed.
 */
final class SealedPayloads {

    static final String SEALED = "sealed";
    static final String KEY_ID = "key_id";

    private SealedPayloads() {
    }

    /** Sealed: conversation events with a known user (the personal content of the audit log). */
    static boolean applies(EventEnvelope<?> envelope) {
        return envelope.payload() instanceof ConversationEvent && !(envelope.payload() instanceof ErasedEvent)
                && envelope.userId() != null;
    }

    static boolean isSealed(JsonNode payload) {
        return payload.has(SEALED) && payload.has(KEY_ID);
    }

    static ObjectNode seal(EventEnvelope<?> envelope, JsonNode payload, DataKeys keys) {
        DataKey key = keys.keyForSealing(envelope.userId());
        String sealed = PayloadSealer.seal(key, EventJson.mapper().writeValueAsBytes(payload),
                associatedData(envelope.eventId().toString(), envelope.userId(), envelope.type()));
        return EventJson.mapper().createObjectNode().put(SEALED, sealed).put(KEY_ID, key.id());
    }

    /** The payload in clear, or null when its key is gone (erased). */
    static JsonNode open(JsonNode sealed, String eventId, String userId, String type, DataKeys keys) {
        if (keys == null) {
            throw new EventFormatException("Event of type '" + type + "' has a sealed payload and no data keys are configured");
        }
        Optional<DataKey> key = keys.find(userId, sealed.path(KEY_ID).asString());
        if (key.isEmpty()) {
            return null;
        }
        byte[] plain = PayloadSealer.open(key.get(), sealed.path(SEALED).asString(), associatedData(eventId, userId, type));
        return EventJson.mapper().readTree(plain);
    }

    private static String associatedData(String eventId, String userId, String type) {
        return eventId + "|" + userId + "|" + type;
    }
}
