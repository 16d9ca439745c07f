package com.cvchat.gateway.breaker;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.web.ReactiveApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * One {@link ServiceBreaker} per route. A service that cannot be reached (connection refused or timed out) answers
 * 503 {@code {"error": ...}} at once; after repeated failures the breaker opens and requests are refused without
 * trying the service until it has had time to come back.
 */
@Component
class CircuitBreakerFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFilter.class);

    private final GatewayProperties.Breaker settings;
    private final Map<String, ServiceBreaker> breakers = new ConcurrentHashMap<>();

    CircuitBreakerFilter(GatewayProperties properties) {
        this.settings = properties.breaker();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = route.getId();
        ServiceBreaker breaker = breakers.computeIfAbsent(service,
                id -> new ServiceBreaker(settings.failureThreshold(), settings.openFor(), System::nanoTime));
        if (!breaker.tryPass()) {
            return unavailable(exchange, service);
        }
        return chain.filter(exchange)
                .doOnSuccess(done -> breaker.succeeded())
                .onErrorResume(CircuitBreakerFilter::unreachable, e -> {
                    breaker.failed();
                    log.warn("{} service unreachable: {}{}", service, e.getClass().getSimpleName(),
                            breaker.isOpen() ? " (breaker open)" : "");
                    return unavailable(exchange, service);
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, String service) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is unavailable right now. Please try again shortly.");
    }
}
