package com.cvchat.platform.replay;

import com.cvchat.events.sealing.DataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * For every Kafka service: the log reader; the projection listener when the service has appliers; the replay runner
 * when {@code platform.replay.enabled=true}. Appliers (projectors) are the one code path for live, repair and replay.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
public class ReplayAutoConfiguration {

    @Bean
    ConversationLog conversationLog(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                    ObjectProvider<DataKeys> keys) {
        return new ConversationLog(bootstrapServers, keys.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(ConversationEventApplier.class)
    ProjectionListener projectionListener(List<ConversationEventApplier> appliers) {
        return new ProjectionListener(appliers);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.replay.enabled", havingValue = "true")
    ReplayRunner replayRunner(ConversationLog conversationLog, List<ConversationEventApplier> appliers,
                              ConfigurableApplicationContext context) {
        return new ReplayRunner(conversationLog, appliers, context);
    }
}
