package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.web.ReactiveApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bodies larger than {@code gateway.max-request-size} get 413 {@code {"error"}}: a declared {@code Content-Length} is
 * refused before anything is read or routed; a body without one (chunked) is counted as it is proxied, and the buffer
 * that would cross the limit is never passed on — the proxied request fails there, so the service never receives more
 * than the limit, and the client gets the 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeWebFilter implements WebFilter {

    private final long maxBytes;
    private final String message;

    RequestSizeWebFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.message = "Request body is too large (limit " + readable(properties.maxRequestSize()) + ")";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return tooLarge(exchange);
        }
        ServerWebExchange counted = exchange.mutate().request(new CountedBody(exchange.getRequest(), maxBytes)).build();
        return chain.filter(counted).onErrorResume(RequestSizeWebFilter::overTheLimit, e -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, message);
    }

    private static boolean overTheLimit(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    /** The request with a body that fails with {@link BodyTooLargeException} instead of passing byte {@code max + 1}. */
    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountedBody(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException());
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }

    /** The body went past the limit while it was being read. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("request body over the limit", null, false, false);
        }
    }
}
