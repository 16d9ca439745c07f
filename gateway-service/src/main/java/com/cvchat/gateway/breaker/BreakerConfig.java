package com.cvchat.gateway.breaker;

import com.cvchat.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j settings behind the gateway's {@code CircuitBreaker} route filter (one breaker per route, named
 * after the route id). The filter wraps the routing step only, so a call ends when the service's response status and
 * headers arrive: a stream counts by its status, not by its length. Every answer from the service is a success (its
 * own 5xx carry their own meaning, e.g. the model being unavailable); a failure is the service not answering at all
 * (connection refused or reset, connect time-out, unknown host).
 */
@Configuration(proxyBeanMethods = false)
class BreakerConfig {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> gatewayBreakerDefaults(GatewayProperties properties) {
        GatewayProperties.Breaker breaker = properties.breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.failureThreshold())
                .minimumNumberOfCalls(breaker.failureThreshold())
                // the last `failureThreshold` calls all failed: that many failures in a row
                .failureRateThreshold(100)
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ServiceUnreachable::is)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
    }
}
