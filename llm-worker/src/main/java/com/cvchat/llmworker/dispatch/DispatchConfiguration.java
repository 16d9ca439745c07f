package com.cvchat.llmworker.dispatch;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Offsets of {@code llm.requests} are committed only by the {@link OffsetTracker} (in order). The platform error
 * handler must therefore not commit the offset of a dead-lettered record itself: that could commit past a request
 * still being generated. The dead letter is still published; the next in-order acknowledgment moves past it.
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    InitializingBean inOrderCommitsForDeadLetters(DefaultErrorHandler platformKafkaErrorHandler) {
        return () -> platformKafkaErrorHandler.setAckAfterHandle(false);
    }
}
