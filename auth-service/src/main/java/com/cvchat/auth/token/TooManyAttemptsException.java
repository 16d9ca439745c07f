package com.cvchat.auth.token;

import com.cvchat.platform.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;

/** Login refused by the throttle: 429 with {@code Retry-After} (whole seconds, at least 1). */
class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration retryAfter) {
        super(null, null, false, false);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Handler {
        @ExceptionHandler(TooManyAttemptsException.class)
        ResponseEntity<ApiError> tooMany(TooManyAttemptsException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
                    .body(new ApiError("Too many failed login attempts. Try again in " + e.retryAfterSeconds + " seconds."));
        }
    }
}
