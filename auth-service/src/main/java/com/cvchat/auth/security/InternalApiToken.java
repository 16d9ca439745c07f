package com.cvchat.auth.security;

import com.cvchat.auth.AuthProperties;
import com.cvchat.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The service credential of {@code /internal/**}: {@code Authorization: Bearer ${INTERNAL_API_TOKEN}}. */
@Component
public class InternalApiToken {

    private static final Logger log = LoggerFactory.getLogger(InternalApiToken.class);

    private final byte[] expected;

    InternalApiToken(AuthProperties properties) {
        this.expected = properties.internalApiToken().getBytes(StandardCharsets.UTF_8);
        if (expected.length == 0) {
            log.warn("INTERNAL_API_TOKEN is not set: every /internal/** call will be refused");
        }
    }

    /** Refuses (401) unless the header carries the configured token; compared in constant time. */
    public void check(String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        if (expected.length == 0 || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid internal service credential");
        }
    }
}
