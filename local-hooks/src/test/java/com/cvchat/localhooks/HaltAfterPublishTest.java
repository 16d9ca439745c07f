package com.cvchat.localhooks;

import com.cvchat.events.json.EventHeaders;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HaltAfterPublishTest {

    private static final RecordMetadata ACKNOWLEDGED = new RecordMetadata(new TopicPartition("chat.events", 0), 0, 0,
            0, 0, 0);

    private final AtomicInteger halts = new AtomicInteger();

    @Test
    void shouldHaltOnlyAfterTheArmedEventTypeWasAcknowledged() {
        HaltAfterPublish hook = armed("chat.title-set");

        hook.onAcknowledgement(ACKNOWLEDGED, null, headers("chat.message-added"));
        assertThat(halts).hasValue(0);
        hook.onAcknowledgement(ACKNOWLEDGED, new IllegalStateException("not acknowledged"), headers("chat.title-set"));
        assertThat(halts).hasValue(0);
        hook.onAcknowledgement(ACKNOWLEDGED, null, headers("chat.title-set"));
        assertThat(halts).hasValue(1);
    }

    @Test
    void shouldNeverHaltWhenBlank() {
        HaltAfterPublish hook = armed(" ");

        hook.onAcknowledgement(ACKNOWLEDGED, null, headers(" "));
        hook.onAcknowledgement(ACKNOWLEDGED, null, new RecordHeaders());

        assertThat(halts).hasValue(0);
    }

    private HaltAfterPublish armed(String type) {
        HaltAfterPublish hook = new HaltAfterPublish(halts::incrementAndGet);
        hook.configure(Map.of(HaltAfterPublish.EVENT_TYPE_CONFIG, type));
        return hook;
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
