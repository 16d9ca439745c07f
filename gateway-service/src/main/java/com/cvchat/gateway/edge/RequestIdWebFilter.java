package com.cvchat.gateway.edge;

import com.cvchat.platform.observability.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First at the edge: keeps a safe client {@code X-Request-Id} or makes one, passes it to the service and echoes it on
 * every answer (401s and 429s included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.sanitize(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        ServerWebExchange withId = exchange.mutate()
                .request(r -> r.headers(h -> h.set(RequestIds.HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }
}
