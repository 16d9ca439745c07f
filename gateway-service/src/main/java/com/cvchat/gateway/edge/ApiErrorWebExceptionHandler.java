package com.cvchat.gateway.edge;

import com.cvchat.platform.web.ReactiveApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors of the gateway itself — an address no route serves, a method not allowed, anything unexpected — as
 * {@code {"error": ...}} for API clients (a path under {@code /api/}, {@code /internal/}, {@code /actuator/}, or a client
 * that does not ask for HTML). A browser asking for a page outside the API still gets Spring Boot's error page
 * ({@code static/error/404.html}). Runs before Spring Boot's handler.
 */
@Component
@Order(-2)
class ApiErrorWebExceptionHandler implements WebExceptionHandler {

    static final String NOT_FOUND = "Not found: no API endpoint matches this path";
    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || !isApiRequest(exchange)) {
            return Mono.error(error);
        }
        HttpStatusCode code = error instanceof ResponseStatusException e ? e.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null || status.is5xxServerError()) {
            log.error("Unhandled error at the gateway", error);
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return ReactiveApiErrors.write(exchange.getResponse(), status, message(status, error));
    }

    private static String message(HttpStatus status, Throwable error) {
        return switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> error instanceof MethodNotAllowedException e
                    ? "Method " + e.getHttpMethod() + " is not allowed here" : "Method not allowed";
            case INTERNAL_SERVER_ERROR -> "Internal server error";
            default -> status.getReasonPhrase();
        };
    }

    private static boolean isApiRequest(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.startsWith("/internal/") || path.startsWith("/actuator/")) {
            return true;
        }
        return exchange.getRequest().getHeaders().getAccept().stream()
                .noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
