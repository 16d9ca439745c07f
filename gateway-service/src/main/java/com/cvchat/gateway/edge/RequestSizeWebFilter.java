package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.web.ReactiveApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses a declared body larger than {@code gateway.max-request-size} with 413, before reading or routing it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeWebFilter implements WebFilter {

    private final long maxBytes;
    private final String message;

    RequestSizeWebFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.message = "Request body is too large (limit " + properties.maxRequestSize().toMegabytes() + " MB)";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, message);
        }
        return chain.filter(exchange);
    }
}
