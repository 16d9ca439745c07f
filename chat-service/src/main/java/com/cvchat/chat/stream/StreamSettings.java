package com.cvchat.chat.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of chat streaming ({@code chat.stream.*}).
 *
 * @param maxMessageLength longest user message in characters; longer is a 413
 * @param historyWindow    how many earlier messages go to the model with a new one
 * @param titleWait        on the first message of a conversation, how long {@code start} waits for the generated
 *                         title (the answer's first events wait with it); later, the title comes in {@code done}
 * @param idleTimeout      a stream with no event from the model for this long ends with an {@code error} event
 * @param heartbeat        while a stream waits for the model, a {@code : keep-alive} comment is sent this often
 * @param bufferedEvents   events one stream may have waiting for its client; a client that falls further behind
 *                         has its stream ended (it can resume with {@code Last-Event-ID})
 * @param socketBufferBytes Tomcat's socket read and write buffers per connection (its default is 8 KiB)
 */
@ConfigurationProperties("chat.stream")
public record StreamSettings(Integer maxMessageLength, Integer historyWindow, Duration titleWait,
                             Duration idleTimeout, Duration heartbeat,
                             Integer bufferedEvents, Integer socketBufferBytes) {

    public StreamSettings {
        maxMessageLength = maxMessageLength == null ? 8000 : maxMessageLength;
        historyWindow = historyWindow == null ? 20 : historyWindow;
        titleWait = titleWait == null ? Duration.ofMillis(300) : titleWait;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(120) : idleTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        bufferedEvents = bufferedEvents == null ? 4096 : bufferedEvents;
        socketBufferBytes = socketBufferBytes == null ? 1024 : socketBufferBytes;
    }
}
