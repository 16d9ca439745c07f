package com.cvchat.chat.stream.answer;

import com.cvchat.chat.stream.StreamSettings;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.platform.replies.ReplyChannel;
import com.cvchat.platform.replies.Subscription;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resumes an answer on any instance: reads the answer's reply partition from the offset recorded when the request was
 * sent, and hands the request's events (and its title's) to an inbox, in log order, waiting for room when the client
 * reads slower than the log. Works the same for an answer still being generated (it follows the log live), for one
 * that finished, and when the instance that asked is gone.
 */
@Component
public class ResponseReplay {

    private final ReplyChannel replies;
    private final StreamSettings settings;

    ResponseReplay(ReplyChannel replies, StreamSettings settings) {
        this.replies = replies;
        this.settings = settings;
    }

    /** A running replay; close it when the client is gone. */
    public record Replay(StreamInbox inbox, Subscription subscription, AtomicBoolean closed) implements AutoCloseable {
        @Override
        public void close() {
            closed.set(true);
            subscription.close();
        }
    }

    public Replay start(StreamRecord record) {
        StreamInbox inbox = new StreamInbox(settings.bufferedEvents());
        AtomicBoolean closed = new AtomicBoolean();
        Subscription subscription = replies.replay(record.partition(), record.startOffset(), record.requestIds(),
                event -> {
                    try {
                        inbox.put(event, closed::get);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        return new Replay(inbox, subscription, closed);
    }
}
