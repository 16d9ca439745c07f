package com.cvchat.voice.answer;

import com.cvchat.platform.replies.Subscription;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model requests this instance published and still waits for. Only the instance holding an entry relays and
 * stores its answer; removal is atomic, so a completion delivered twice is stored once.
 */
@Component
public class PendingRequests {

    /** A request of this instance. {@code title} requests produce a title, the others an answer. */
    public static final class Pending {
        final String requestId;
        final String conversationId;
        final String userId;
        final String userText;
        final boolean title;
        final AnswerSink sink;
        long sentChars;
        Subscription subscription;

        Pending(String requestId, String conversationId, String userId, String userText, boolean title, AnswerSink sink) {
            this.requestId = requestId;
            this.conversationId = conversationId;
            this.userId = userId;
            this.userText = userText;
            this.title = title;
            this.sink = sink;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    void add(Pending request) {
        pending.put(request.requestId, request);
    }

    Optional<Pending> get(String requestId) {
        return Optional.ofNullable(pending.get(requestId));
    }

    Optional<Pending> remove(String requestId) {
        return Optional.ofNullable(pending.remove(requestId));
    }

    public int size() {
        return pending.size();
    }
}
