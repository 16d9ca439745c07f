package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.observability.ClientAddresses;
import com.cvchat.platform.observability.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

import static org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver.X_FORWARDED_FOR;

/**
 * First at the edge: keeps a safe client {@code X-Request-Id} or makes one, passes it to the service and echoes it on
 * every answer (401s and 429s included); sets {@code X-Client-Address} to the client's address
 * ({@link ClientAddressResolver}: the socket peer, or what trusted proxies recorded), replacing whatever the client
 * sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeHeadersWebFilter implements WebFilter {

    private final ClientAddressResolver clientAddresses;

    EdgeHeadersWebFilter(GatewayProperties properties) {
        this.clientAddresses = new ClientAddressResolver(properties.clientAddress());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.sanitize(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        exchange.getResponse().beforeCommit(() -> {
            // the service echoes the id too: one header on the way out, not two
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        String address = clientAddresses.resolve(peer(exchange),
                exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR));
        ServerWebExchange withHeaders = exchange.mutate()
                .request(r -> r.headers(h -> {
                    h.set(RequestIds.HEADER, requestId);
                    h.set(ClientAddresses.HEADER, address);
                }))
                .build();
        return chain.filter(withHeaders);
    }

    static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
