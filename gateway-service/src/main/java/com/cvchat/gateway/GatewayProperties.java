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
 * @param clientAddress  which peers may tell the client's address in {@code X-Forwarded-For}
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Bucket perAddress, Bucket perUser, DataSize maxRequestSize, Cors cors, Breaker breaker,
                                ClientAddress clientAddress) {

    public GatewayProperties {
        perAddress = perAddress == null ? new Bucket(300, 50) : perAddress;
        perUser = perUser == null ? new Bucket(120, 20) : perUser;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        cors = cors == null ? new Cors(null, null) : cors;
        breaker = breaker == null ? new Breaker(null, null) : breaker;
        clientAddress = clientAddress == null ? new ClientAddress(null, 0) : clientAddress;
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

    /**
     * @param trustedProxies CIDRs (or single addresses) of the proxies in front of the gateway (an ingress, a load
     *                       balancer); empty: nobody is trusted and the socket peer is the client
     * @param trustedHops    when above 0, how many proxies stand in front of the gateway: the client is that many
     *                       entries from the right of {@code X-Forwarded-For} (the peer must still be a trusted proxy
     *                       when {@code trustedProxies} is set)
     */
    public record ClientAddress(List<String> trustedProxies, int trustedHops) {
        public ClientAddress {
            trustedProxies = trustedProxies == null ? List.of()
                    : trustedProxies.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        }
    }
}
