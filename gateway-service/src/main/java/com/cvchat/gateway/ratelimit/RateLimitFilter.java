package com.cvchat.gateway.ratelimit;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.web.ReactiveApiErrors;
import com.cvchat.platform.observability.ClientAddresses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Duration;

/**
 * Before a request is routed: one bucket per client address, and one per signed-in user (the token's {@code sub}).
 * An empty bucket answers 429 with {@code Retry-After}; the service never sees the request.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final TokenBuckets perAddress;
    private final TokenBuckets perUser;

    RateLimitFilter(GatewayProperties properties) {
        this.perAddress = new TokenBuckets(properties.perAddress(), System::nanoTime);
        this.perUser = new TokenBuckets(properties.perUser(), System::nanoTime);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String address = exchange.getRequest().getHeaders().getFirst(ClientAddresses.HEADER);
        Duration addressWait = perAddress.take(address == null ? "unknown" : address);
        if (!addressWait.isZero()) {
            return tooMany(exchange, addressWait);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(perUser::take)
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(userWait -> userWait.isZero() ? chain.filter(exchange) : tooMany(exchange, userWait));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests. Try again in " + seconds + " seconds.");
    }
}
