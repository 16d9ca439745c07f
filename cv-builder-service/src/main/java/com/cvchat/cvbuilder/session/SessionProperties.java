package com.cvchat.cvbuilder.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param ttl             a session expires after this long without activity (spec: 7 days)
 * @param maxMessageChars the longest message accepted (longer → 413)
 * @param streamTimeout   the longest a streamed turn ({@code text/event-stream}) keeps its connection
 */
@ConfigurationProperties("cvbuilder.sessions")
public record SessionProperties(Duration ttl, Integer maxMessageChars, Duration streamTimeout) {

    public SessionProperties {
        ttl = ttl == null ? Duration.ofDays(7) : ttl;
        maxMessageChars = maxMessageChars == null ? 8000 : maxMessageChars;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(3) : streamTimeout;
    }
}
