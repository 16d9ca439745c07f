package com.cvchat.chat.streaming;

import com.cvchat.events.llm.LlmResponseEvent;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers whose client is connected to this instance: request id (and title request id) → the inbox its SSE
 * writer drains. The fan-out listener only appends to the inbox (bounded, never blocking), so a slow client never
 * holds up the others.
 */
@Component
public class LiveStreams {

    private final Map<String, StreamInbox> queues = new ConcurrentHashMap<>();
    private final StreamSettings settings;

    LiveStreams(StreamSettings settings) {
        this.settings = settings;
    }

    public StreamInbox register(StreamRecord record) {
        StreamInbox queue = new StreamInbox(settings.bufferedEvents());
        queues.put(record.requestId(), queue);
        if (record.titleRequestId() != null) {
            queues.put(record.titleRequestId(), queue);
        }
        return queue;
    }

    public void unregister(StreamRecord record) {
        queues.remove(record.requestId());
        if (record.titleRequestId() != null) {
            queues.remove(record.titleRequestId());
        }
    }

    /** Hands an event to the stream that waits for it, if this instance holds one. */
    public void deliver(LlmResponseEvent event) {
        StreamInbox queue = queues.get(event.requestId());
        if (queue != null) {
            queue.offer(event);
        }
    }

    public int size() {
        return queues.size();
    }
}
