package com.cvchat.gateway.ratelimit;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.web.ReactiveApiErrors;
import com.cvchat.platform.observability.ClientAddresses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Duration;

/**
 * Before a request is routed: a signed-in user's requests take from that user's bucket (the token's {@code sub}),
 * anonymous requests from their client address's bucket ({@code X-Client-Address}, set by the edge from the socket
 * peer or trusted proxies). Many users behind one address (an office, a proxy) do not share a bucket.
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
        return exchange.getPrincipal()
                .filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
                .map(Principal::getName)
                .map(perUser::take)
                .switchIfEmpty(Mono.fromSupplier(() -> perAddress.take(address(exchange))))
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooMany(exchange, wait));
    }

    private static String address(ServerWebExchange exchange) {
        String address = exchange.getRequest().getHeaders().getFirst(ClientAddresses.HEADER);
        return address == null ? "unknown" : address;
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
