package com.cvchat.gateway.breaker;

import com.cvchat.platform.web.ReactiveApiErrors;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns what the route's circuit breaker reports — open (the call was not permitted) or the service not answering —
 * into 503 {@code {"error": ...}} with {@code Retry-After}, instead of Spring's default error body.
 */
@Component
class UnavailableServiceFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnavailableServiceFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(
                e -> !exchange.getResponse().isCommitted() && unavailable(e),
                e -> {
                    log.warn("{} service unavailable: {}", route.getId(), e.toString());
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
                    return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                            "The " + route.getId() + " service is unavailable right now. Please try again shortly.");
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static boolean unavailable(Throwable e) {
        return e instanceof CallNotPermittedException || e instanceof ServiceUnavailableException
                || ServiceUnreachable.is(e);
    }
}
