package com.cvchat.localhooks;

import com.cvchat.events.json.EventHeaders;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fault injection for crash tests, as a Kafka producer interceptor (set by {@link LocalHooks} only when
 * {@code platform.faults.halt-after-publish=<event type>} is set): the process halts at once ({@link Runtime#halt}, no
 * shutdown hook, like a power cut) when the broker acknowledged a record of that event type — on the producer's
 * thread, before the sender's future completes, so the service never gets to apply the event to its database.
 */
public class HaltAfterPublish implements ProducerInterceptor<Object, Object> {

    /** The producer setting naming the event type (put there by {@link LocalHooks}). */
    public static final String EVENT_TYPE_CONFIG = "cvchat.halt-after-publish";

    /** Exit status of a halted process (128 + 9, as after SIGKILL). */
    public static final int STATUS = 137;

    private final Runnable halt;
    private String eventType;

    public HaltAfterPublish() {
        this(() -> Runtime.getRuntime().halt(STATUS));
    }

    HaltAfterPublish(Runnable halt) {
        this.halt = halt;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object type = configs.get(EVENT_TYPE_CONFIG);
        eventType = type == null || type.toString().isBlank() ? null : type.toString().strip();
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // without the record's headers the event type is unknown: the variant below decides
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception, Headers headers) {
        if (exception == null && armedFor(headers)) {
            System.err.println(LocalHooks.HALT_AFTER_PUBLISH + ": halting after " + eventType + " was acknowledged");
            halt.run();
        }
    }

    boolean armedFor(Headers headers) {
        if (eventType == null || headers == null) {
            return false;
        }
        Header type = headers.lastHeader(EventHeaders.EVENT_TYPE);
        return type != null && eventType.equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
