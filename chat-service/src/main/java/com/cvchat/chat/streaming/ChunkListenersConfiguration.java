package com.cvchat.chat.streaming;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Set;

/**
 * The two consumers of {@code llm.responses} see every chunk of every answer: no tracing observation per record for
 * them (a span per chunk is noise and costs latency at hundreds of streams). Request ids still correlate the events.
 */
@Configuration(proxyBeanMethods = false)
class ChunkListenersConfiguration {

    static final Set<String> CHUNK_LISTENERS = Set.of("chat-fan-out", "chat-persister");

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> chunkListenersWithoutObservation() {
        return container -> {
            if (CHUNK_LISTENERS.contains(container.getListenerId())) {
                container.getContainerProperties().setObservationEnabled(false);
            }
        };
    }
}
