package com.cvchat.platform.limits;

import com.cvchat.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** 429 for a user over their model-usage limit; {@link #retryAfterSeconds()} goes into {@code Retry-After}. */
public class ModelLimitExceededException extends ApiException {

    private final long retryAfterSeconds;

    public ModelLimitExceededException(String what, Duration wait) {
        this(what, Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private ModelLimitExceededException(String what, long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "You have used your limit of " + what + ". Try again in " + seconds
                + " seconds.");
        this.retryAfterSeconds = seconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
