package com.cvchat.platform.test.llm;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.ReplyTo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/**
 * A stand-in model's way back: writes answer events where the request said ({@link ReplyTo}) as the worker does —
 * the asking instance's reply partition, and the last event also to {@code llm.outcomes} when asked — each in an
 * envelope of its request's conversation (the key), user and correlation, sent at once (linger 0, acks all).
 */
public final class ModelReplies implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope<?>> producer;

    public ModelReplies(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new EventSerializer());
    }

    /** Sends {@code event} as an answer to {@code request} (the request's envelope as read from llm.requests). */
    public void send(EventEnvelope<?> request, LlmResponseEvent event) {
        if (!(request.payload() instanceof LlmRequest asked) || asked.replyTo() == null) {
            throw new IllegalArgumentException("Only a request with a reply address can be answered: " + request);
        }
        ReplyTo to = asked.replyTo();
        EventEnvelope<LlmResponseEvent> envelope = EventEnvelope.of(request.conversationId(), request.userId(),
                request.correlationId(), event);
        producer.send(new ProducerRecord<>(to.topic(), to.partition(), envelope.key(), envelope));
        if (event.terminal() && to.outcomeTopic() != null) {
            producer.send(new ProducerRecord<>(Topics.LLM_OUTCOMES.name(), envelope.key(), envelope));
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
