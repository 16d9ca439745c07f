package com.cvchat.chat.streaming;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.conversation.DisclaimerDetector;
import com.cvchat.platform.web.ApiError;
import com.cvchat.events.json.EventJson;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes one answer to the client as Server-Sent Events, from a queue of response events (live from the fan-out or
 * replayed from the log), on the request's own (virtual) thread. Chunks below the next expected sequence are dropped,
 * so none is sent twice; a client that disconnects only ends the writing — storing the answer does not depend on it.
 */
@Component
public class AnswerStreamWriter {

    private final StreamSettings settings;

    AnswerStreamWriter(StreamSettings settings) {
        this.settings = settings;
    }

    /**
     * @param resumeAfter the index of the last event the client has ({@code Last-Event-ID}), or -1 for a new stream
     * @param knownTitle  the conversation's title when known beforehand (resume), else null
     */
    public void write(HttpServletResponse response, StreamRecord record, BlockingQueue<LlmResponseEvent> queue,
                      long resumeAfter, String knownTitle) throws IOException {
        Cursor cursor = new Cursor(record, knownTitle, Math.max(resumeAfter, 0));
        LlmResponseEvent first = cursor.awaitFirstAnswerEvent(queue);
        if (resumeAfter < 0 && first instanceof LlmFailed failed && failed.reason() == FailureReason.API_KEY_MISSING) {
            writeError(response, failed);
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        try {
            if (resumeAfter < 0) {
                send(out, SseEvents.id(record.messageId(), 0),
                        SseEvents.start(record.messageId(), record.firstMessage(), cursor.title));
            }
            LlmResponseEvent event = first;
            long idleDeadline = System.nanoTime() + settings.idleTimeout().toNanos();
            while (true) {
                if (event == null) {
                    long left = idleDeadline - System.nanoTime();
                    event = left <= 0 ? null
                            : queue.poll(Math.min(left, settings.heartbeat().toNanos()), TimeUnit.NANOSECONDS);
                    if (event == null && System.nanoTime() - idleDeadline >= 0) {
                        send(out, SseEvents.endId(record.messageId()),
                                SseEvents.error("The AI did not answer in time. Please try again."));
                        return;
                    }
                    if (event == null) {
                        out.write(SseEvents.HEARTBEAT);
                        out.flush();
                        continue;
                    }
                }
                idleDeadline = System.nanoTime() + settings.idleTimeout().toNanos();
                if (cursor.handle(out, event)) {
                    return;
                }
                event = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeError(HttpServletResponse response, LlmFailed failed) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(EventJson.mapper().writeValueAsBytes(new ApiError(FailureTexts.of(failed.reason()))));
    }

    private static void send(OutputStream out, String id, ObjectNode data) throws IOException {
        out.write(SseEvents.frame(id, data));
        out.flush();
    }

    /** Where one stream is: the next chunk sequence it expects and the title once known. */
    private final class Cursor {
        private final StreamRecord record;
        private String title;
        private long nextSequence;

        Cursor(StreamRecord record, String title, long nextSequence) {
            this.record = record;
            this.title = title;
            this.nextSequence = nextSequence;
        }

        /** The first event of the answer itself, noting a title that comes before it; null after the start wait. */
        LlmResponseEvent awaitFirstAnswerEvent(BlockingQueue<LlmResponseEvent> queue) {
            long deadline = System.nanoTime() + settings.startWait().toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    LlmResponseEvent event = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                    if (event == null || !record.isTitle(event.requestId())) {
                        return event;
                    }
                    noteTitle(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Sends what {@code event} means to the client; true when the stream has ended. */
        boolean handle(OutputStream out, LlmResponseEvent event) throws IOException {
            if (record.isTitle(event.requestId())) {
                noteTitle(event);
                return false;
            }
            String messageId = record.messageId();
            switch (event) {
                case LlmChunk chunk -> {
                    if (chunk.sequence() >= nextSequence) {
                        send(out, SseEvents.id(messageId, chunk.sequence() + 1), SseEvents.chunk(chunk.text()));
                        nextSequence = chunk.sequence() + 1;
                    }
                    return false;
                }
                case LlmCompleted completed -> {
                    send(out, SseEvents.endId(messageId), SseEvents.done(messageId,
                            DisclaimerDetector.detect(record.userMessage(), completed.text()).orElse(null),
                            record.firstMessage() ? title : null, false));
                    return true;
                }
                case LlmFailed failed when failed.reason() == FailureReason.CANCELLED -> {
                    send(out, SseEvents.endId(messageId), SseEvents.done(messageId, null, null, true));
                    return true;
                }
                case LlmFailed failed -> {
                    send(out, SseEvents.endId(messageId), SseEvents.error(FailureTexts.of(failed.reason())));
                    return true;
                }
            }
        }

        private void noteTitle(LlmResponseEvent event) {
            if (event instanceof LlmCompleted completed && title == null) {
                String cleaned = Titles.clean(completed.text());
                title = cleaned.isEmpty() ? null : cleaned;
            } else if (event instanceof LlmFailed && title == null) {
                title = Titles.fromMessage(record.userMessage());
            }
        }
    }
}
