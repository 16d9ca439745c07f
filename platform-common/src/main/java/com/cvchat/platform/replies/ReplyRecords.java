package com.cvchat.platform.replies;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.json.EventFormatException;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.LlmResponseEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Reading reply records: routed by their {@code request-id} header, parsed only by the subscriber that wants them. */
final class ReplyRecords {

    private ReplyRecords() {
    }

    /** The request the record answers, from its header (null for a record without one). */
    static String requestId(ConsumerRecord<?, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The answer event in the record; throws {@link EventFormatException} when it is not one. */
    static LlmResponseEvent event(ConsumerRecord<?, byte[]> record) {
        if (record.value() == null) {
            throw new EventFormatException("Reply record without a value");
        }
        EventEnvelope<EventPayload> envelope = EventJson.fromBytes(record.value());
        if (!(envelope.payload() instanceof LlmResponseEvent event)) {
            throw new EventFormatException("A " + envelope.type() + " is not a model answer");
        }
        return event;
    }
}
