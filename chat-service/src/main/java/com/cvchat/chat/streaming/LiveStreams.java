package com.cvchat.chat.streaming;

import com.cvchat.events.llm.LlmResponseEvent;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The answers whose client is connected to this instance: request id (and title request id) → the queue its SSE
 * writer drains. The fan-out listener only enqueues, so a slow client never holds up the others.
 */
@Component
public class LiveStreams {

    private final Map<String, BlockingQueue<LlmResponseEvent>> queues = new ConcurrentHashMap<>();

    public BlockingQueue<LlmResponseEvent> register(StreamRecord record) {
        BlockingQueue<LlmResponseEvent> queue = new LinkedBlockingQueue<>();
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
        BlockingQueue<LlmResponseEvent> queue = queues.get(event.requestId());
        if (queue != null) {
            queue.add(event);
        }
    }

    public int size() {
        return queues.size();
    }
}
