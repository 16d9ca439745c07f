package com.cvchat.chat.stream.storage;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What any instance needs to resume, cancel or persist one AI answer, whichever instance started it.
 *
 * @param requestId      the {@code chat_reply} request (also the id of this record)
 * @param messageId      the AI message's id, derived from the request id ({@link AiMessageIds})
 * @param userMessage    the user's message (for the disclaimer and a fallback title)
 * @param titleRequestId the {@code title} request sent with the first message of a conversation, else null
 * @param partition      the partition of {@code llm.responses.chat} the answer goes to (the asking instance's)
 * @param startOffset    that instance's position on the partition before the request was sent: every response event
 *                       of the request lies at or after it (the replay source for {@code Last-Event-ID})
 * @param status         {@code running}, {@code completed} or {@code failed}
 */
@Document("streams")
public record StreamRecord(
        @Id String requestId,
        String messageId,
        String conversationId,
        String userId,
        String userMessage,
        String titleRequestId,
        int partition,
        long startOffset,
        String status,
        Instant createdAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** True when this answer started a conversation (its title is being generated). */
    public boolean firstMessage() {
        return titleRequestId != null;
    }

    public boolean isTitle(String requestId) {
        return requestId.equals(titleRequestId);
    }

    /** The requests whose answers make up this stream: the answer, and the title when there is one. */
    public java.util.Set<String> requestIds() {
        return titleRequestId == null ? java.util.Set.of(requestId) : java.util.Set.of(requestId, titleRequestId);
    }
}
