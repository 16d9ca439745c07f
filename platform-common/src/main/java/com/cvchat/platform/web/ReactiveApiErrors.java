package com.cvchat.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the platform's {@code {"error": ...}} body from reactive code (security handlers, gateway filters). */
public final class ReactiveApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReactiveApiErrors() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(new ApiError(message)))));
    }
}
