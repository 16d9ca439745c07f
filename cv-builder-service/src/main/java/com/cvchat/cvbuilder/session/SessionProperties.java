package com.cvchat.cvbuilder.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param ttl             a session expires after this long without activity (spec: 7 days)
 * @param maxMessageChars the longest message accepted (longer → 413)
 */
@ConfigurationProperties("cvbuilder.sessions")
public record SessionProperties(Duration ttl, Integer maxMessageChars) {

    public SessionProperties {
        ttl = ttl == null ? Duration.ofDays(7) : ttl;
        maxMessageChars = maxMessageChars == null ? 8000 : maxMessageChars;
    }
}
