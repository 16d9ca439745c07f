package com.cvchat.platform.observability;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id header shared by the gateway and every service. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** The incoming id if it is safe to log, else a fresh one (never trust a client's header into logs verbatim). */
    public static String sanitize(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
