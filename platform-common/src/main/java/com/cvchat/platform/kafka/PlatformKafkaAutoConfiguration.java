package com.cvchat.platform.kafka;

import com.cvchat.events.Topic;
import com.cvchat.events.Topics;
import com.cvchat.platform.faults.TransientFailures;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka for every service that uses it: the topics of {@link Topics} created at start-up (idempotent: a second start
 * changes nothing), the {@link EventPublisher}, and bounded retries that end in {@code <topic>.dlt} so a poison
 * record never stops a partition.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** Wait between attempts of a record whose processing failed because the store or broker is down. */
    static final Duration TRANSIENT_RETRY_INTERVAL = Duration.ofSeconds(1);

    @Bean
    @ConditionalOnProperty(name = "platform.kafka.create-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(PlatformKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> newTopic(topic, properties))
                .toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(Topic<?> topic, PlatformKafkaProperties properties) {
        return new NewTopic(topic.name(), properties.partitionsOf(topic), properties.replicationFactor())
                .configs(topic.config());
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> kafkaTemplate) {
        return new EventPublisher(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler platformKafkaErrorHandler(KafkaTemplate<Object, Object> kafkaTemplate,
                                                  ProducerFactory<?, ?> producerFactory,
                                                  PlatformKafkaProperties properties) {
        Map<String, Object> rawConfig = new HashMap<>(producerFactory.getConfigurationProperties());
        rawConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        rawConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<Object, Object> rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(rawConfig));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(Object.class, kafkaTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DLT_SUFFIX, record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryBackoff().toMillis(), properties.retries()));
        // the store or the broker being down is not the record's fault: retry until it is back, never dead-letter
        handler.setBackOffFunction((record, exception) -> TransientFailures.isTransient(exception)
                ? new FixedBackOff(TRANSIENT_RETRY_INTERVAL.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }
}
