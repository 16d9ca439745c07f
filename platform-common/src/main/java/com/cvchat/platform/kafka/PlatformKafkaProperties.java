package com.cvchat.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Kafka settings of the platform.
 *
 * @param partitions        partitions per topic name, overriding the descriptor default (e.g. {@code llm.requests: 24})
 * @param replicationFactor replication factor of created topics (1 locally, 3 in production)
 * @param createTopics      create the topics at start-up (idempotent)
 * @param retries           delivery attempts after the first failure before a record goes to its {@code .dlt}
 * @param retryBackoff      wait between those attempts
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(
        Map<String, Integer> partitions,
        Short replicationFactor,
        Boolean createTopics,
        Integer retries,
        Duration retryBackoff) {

    public PlatformKafkaProperties {
        partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        createTopics = createTopics == null || createTopics;
        retries = retries == null ? 2 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
    }

    public int partitionsOf(com.cvchat.events.Topic<?> topic) {
        String main = topic.name().endsWith(com.cvchat.events.Topics.DLT_SUFFIX)
                ? topic.name().substring(0, topic.name().length() - com.cvchat.events.Topics.DLT_SUFFIX.length())
                : topic.name();
        return partitions.getOrDefault(topic.name(), partitions.getOrDefault(main, topic.defaultPartitions()));
    }
}
