package com.cvchat.cvbuilder.document;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.platform.test.kafka.TopicRecords;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code conversation.events} from the embedded broker from the beginning to its current end. */
final class ConversationLog {

    private ConversationLog() {
    }

    /** Every event whose key (aggregate id) is {@code key}, in log order. */
    static List<EventEnvelope<EventPayload>> eventsOf(String key) {
        List<EventEnvelope<EventPayload>> events = new ArrayList<>();
        TopicRecords.forEach(System.getProperty("spring.embedded.kafka.brokers"),
                List.of(Topics.CONVERSATION_EVENTS.name()), new StringDeserializer(), new EventDeserializer(),
                record -> {
                    if (key.equals(record.key())) {
                        events.add(record.value());
                    }
                });
        return events;
    }
}
