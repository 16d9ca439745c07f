package com.cvchat.platform.replies;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.HashMap;
import java.util.Map;

/** The {@link ReplyChannel} of a service that asks the model, when {@code platform.replies.topic} is set. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ConsumerFactory.class)
@ConditionalOnProperty(name = "platform.replies.topic")
@EnableConfigurationProperties(RepliesProperties.class)
public class RepliesAutoConfiguration {

    @Bean
    ReplyChannel replyChannel(RepliesProperties properties, ConsumerFactory<?, ?> consumers, Environment environment,
                              ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> base = new HashMap<>(consumers.getConfigurationProperties());
        base.keySet().removeIf(key -> key.startsWith("spring.") || key.endsWith(".deserializer")
                || key.equals(ConsumerConfig.GROUP_ID_CONFIG));
        base.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        base.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.fetchMaxWait().toMillis());

        Map<String, Object> group = new HashMap<>(base);
        String groupId = properties.group() != null && !properties.group().isBlank() ? properties.group()
                : environment.getProperty("spring.application.name", "service") + "-replies";
        group.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        group.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        group.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());

        Map<String, Object> reader = new HashMap<>(base);
        reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        return new ReplyChannel(properties.topic(), properties.keepOutcomes(), group, reader,
                properties.readyTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Health DOWN (so not ready) until the instance owns a reply partition: before that it cannot get answers. */
    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    HealthIndicator repliesHealthIndicator(ReplyChannel channel) {
        return () -> channel.ready() ? Health.up().build() : Health.down().withDetail("reason",
                "owns no partition of " + channel.topic() + " yet").build();
    }
}
