package com.cvchat.chat.streaming;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of chat streaming ({@code chat.stream.*}).
 *
 * @param maxMessageLength longest user message in characters; longer is a 413
 * @param historyWindow    how many earlier messages go to the model with a new one
 * @param startWait        how long the response waits for the model's first event before it commits to
 *                         {@code 200 text/event-stream}: a missing API key known by then is a plain 400
 * @param idleTimeout      a stream with no event from the model for this long ends with an {@code error} event
 * @param readyTimeout     how long a request waits for this instance's response consumer at start-up
 * @param heartbeat        while a stream waits for the model, a {@code : keep-alive} comment is sent this often
 */
@ConfigurationProperties("chat.stream")
public record StreamSettings(Integer maxMessageLength, Integer historyWindow, Duration startWait,
                             Duration idleTimeout, Duration readyTimeout, Duration heartbeat) {

    public StreamSettings {
        maxMessageLength = maxMessageLength == null ? 8000 : maxMessageLength;
        historyWindow = historyWindow == null ? 20 : historyWindow;
        startWait = startWait == null ? Duration.ofSeconds(3) : startWait;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(120) : idleTimeout;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(30) : readyTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
