package com.cvchat.voice.socket;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of the voice socket (all overridable, see the README).
 *
 * @param maxMessageBytes      largest WebSocket text message the container accepts; bigger ones close the socket (1009)
 * @param maxChunkBytes        largest decoded {@code audio_chunk}; bigger ones get an {@code error}, the socket stays open
 * @param maxUtterance         most audio per utterance (between {@code start_talking} and {@code stop_talking})
 * @param idleTimeout          a socket with no message either way for this long is closed (a {@code ping} counts)
 * @param messagesPerSecond    sustained client messages per second
 * @param messageBurst         messages allowed in a burst above the sustained rate; beyond it the socket is closed (1008)
 * @param allowedOriginPatterns origins allowed to open the socket (tokens, not cookies, authenticate it)
 */
@ConfigurationProperties("voice.limits")
public record VoiceLimits(
        Integer maxMessageBytes,
        Integer maxChunkBytes,
        Duration maxUtterance,
        Duration idleTimeout,
        Integer messagesPerSecond,
        Integer messageBurst,
        String[] allowedOriginPatterns) {

    public VoiceLimits {
        maxMessageBytes = maxMessageBytes == null ? 512 * 1024 : maxMessageBytes;
        maxChunkBytes = maxChunkBytes == null ? 64 * 1024 : maxChunkBytes;
        maxUtterance = maxUtterance == null ? Duration.ofSeconds(60) : maxUtterance;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        messagesPerSecond = messagesPerSecond == null ? 100 : messagesPerSecond;
        messageBurst = messageBurst == null ? 200 : messageBurst;
        allowedOriginPatterns = allowedOriginPatterns == null ? new String[]{"*"} : allowedOriginPatterns;
    }
}
