package com.cvchat.events;

import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventFormatException;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.sealing.DataKey;
import com.cvchat.events.sealing.DataKeys;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crypto-shredding on the wire: conversation payloads sealed per user, opened transparently, erased once the key is gone. */
class SealedPayloadsTest {

    private final InMemoryKeys keys = new InMemoryKeys();

    @Test
    void shouldSealEveryConversationPayloadAndOpenItBackUnchanged() {
        List<EventPayload> payloads = SampleEvents.payloads();
        for (int i = 0; i < payloads.size(); i++) {
            EventEnvelope<EventPayload> envelope = SampleEvents.envelope(payloads.get(i), i);
            byte[] wire = new EventSerializer(keys).serialize("conversation.events", new RecordHeaders(), envelope);
            JsonNode tree = EventJson.mapper().readTree(wire);
            if (envelope.payload() instanceof ConversationEvent) {
                assertThat(tree.path("payload").propertyNames()).containsExactlyInAnyOrder("sealed", "key_id");
                assertThat(tree.path("payload").path("key_id").asString()).isEqualTo(keys.keyOf(SampleEvents.USER).id());
            } else {
                assertThat(wire).isEqualTo(EventJson.toBytes(envelope));
            }
            // the envelope stays readable by a stock client
            assertThat(tree.path("type").asString()).isEqualTo(envelope.type());
            assertThat(tree.path("user_id").asString()).isEqualTo(SampleEvents.USER);
            assertThat(tree.path("conversation_id").asString()).isEqualTo(SampleEvents.CONVERSATION);
            assertThat(new EventDeserializer(keys).deserialize("conversation.events", wire)).isEqualTo(envelope);
        }
    }

    @Test
    void shouldLeaveNoPlaintextOfTheContentOnTheWire() {
        EventEnvelope<EventPayload> message = SampleEvents.envelope(SampleEvents.payloads().get(6), 6);
        String wire = new String(EventJson.toBytes(message, keys), StandardCharsets.UTF_8);

        assertThat(EventJson.toJson(message)).contains("During the first trimester");
        assertThat(wire).doesNotContain("trimester").doesNotContain("pregnancy");
    }

    @Test
    void shouldDecodeAsErasedOnceTheUsersKeyIsDestroyed() {
        EventEnvelope<EventPayload> message = SampleEvents.envelope(SampleEvents.payloads().get(6), 6);
        byte[] wire = EventJson.toBytes(message, keys);

        keys.destroy(SampleEvents.USER);
        EventEnvelope<EventPayload> decoded = EventJson.fromBytes(wire, keys);

        assertThat(decoded.payload()).isEqualTo(ErasedEvent.INSTANCE);
        assertThat(decoded.type()).isEqualTo(message.type());
        assertThat(decoded.eventId()).isEqualTo(message.eventId());
        assertThat(EventJson.toJson(decoded)).contains("\"payload\":{\"erased\":true}").doesNotContain("trimester");
    }

    @Test
    void shouldRefuseASealedPayloadMovedToAnotherEvent() {
        EventEnvelope<EventPayload> message = SampleEvents.envelope(SampleEvents.payloads().get(6), 6);
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(message, keys));
        tree.put("event_id", "00000000-0000-4000-8000-000000000000");

        assertThatThrownBy(() -> EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(tree), keys))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void shouldRejectASealedPayloadWhenNoKeysAreConfigured() {
        byte[] wire = EventJson.toBytes(SampleEvents.envelope(SampleEvents.payloads().get(6), 6), keys);

        assertThatThrownBy(() -> new EventDeserializer().deserialize("conversation.events", wire))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("no data keys");
    }

    @Test
    void shouldKeepTheWireFormatPlainWithoutKeysAndForLlmTopics() {
        EventEnvelope<EventPayload> message = SampleEvents.envelope(SampleEvents.payloads().get(6), 6);
        EventEnvelope<EventPayload> request = SampleEvents.envelope(SampleEvents.payloads().get(0), 0);

        assertThat(EventJson.toBytes(message, null)).isEqualTo(EventJson.toBytes(message));
        assertThat(request.payload()).isInstanceOf(LlmRequestEvent.class).isNotInstanceOf(LlmResponseEvent.class);
        assertThat(EventJson.toBytes(request, keys)).isEqualTo(EventJson.toBytes(request));
    }

    /** Keys held in memory, one per user, destroyable. */
    static final class InMemoryKeys implements DataKeys {
        private final Map<String, DataKey> byUser = new HashMap<>();
        private final SecureRandom random = new SecureRandom();

        @Override
        public DataKey keyForSealing(String userId) {
            return byUser.computeIfAbsent(userId, u -> {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                return new DataKey("k-" + u, new SecretKeySpec(bytes, "AES"));
            });
        }

        DataKey keyOf(String userId) {
            return byUser.get(userId);
        }

        @Override
        public Optional<DataKey> find(String userId, String keyId) {
            return Optional.ofNullable(byUser.get(userId)).filter(k -> k.id().equals(keyId));
        }

        void destroy(String userId) {
            byUser.remove(userId);
        }
    }
}
