package com.cvchat.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Edge policy ({@code gateway.*}, see README).
 *
 * @param perAddress     token bucket of each client address (every routed request)
 * @param perUser        token bucket of each signed-in user (token {@code sub})
 * @param maxRequestSize larger declared bodies are refused with 413 before they are read
 * @param cors           cross-origin policy for browser clients
 * @param breaker        when a service counts as down, and for how long requests to it are refused
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Bucket perAddress, Bucket perUser, DataSize maxRequestSize, Cors cors, Breaker breaker) {

    public GatewayProperties {
        perAddress = perAddress == null ? new Bucket(300, 50) : perAddress;
        perUser = perUser == null ? new Bucket(120, 20) : perUser;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        cors = cors == null ? new Cors(null, null) : cors;
        breaker = breaker == null ? new Breaker(null, null) : breaker;
    }

    /** A bucket of {@code capacity} requests refilled at {@code refillPerSecond}; 0 capacity disables it. */
    public record Bucket(long capacity, double refillPerSecond) {
    }

    public record Cors(List<String> allowedOrigins, Duration maxAge) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of("http://localhost:3000") : List.copyOf(allowedOrigins);
            maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        }
    }

    /**
     * @param failureThreshold consecutive failures (connection refused, timeout) that open the breaker
     * @param openFor          how long an open breaker refuses before it lets one trial request through
     */
    public record Breaker(Integer failureThreshold, Duration openFor) {
        public Breaker {
            failureThreshold = failureThreshold == null ? 5 : failureThreshold;
            openFor = openFor == null ? Duration.ofSeconds(10) : openFor;
        }
    }
}
