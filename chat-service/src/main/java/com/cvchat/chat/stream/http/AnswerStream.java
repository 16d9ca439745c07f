package com.cvchat.chat.stream.http;

import com.cvchat.chat.stream.StreamSettings;
import com.cvchat.chat.stream.answer.AnswerEnding;
import com.cvchat.chat.stream.answer.StreamInbox;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmResponseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One answer being written to one client as Server-Sent Events, without a thread of its own while it waits: what to
 * write and when — {@code start} (after a short wait for a first message's title), the chunks, heartbeats, and the
 * last event — decided each time its {@link SerialWriter} runs a step: events arrived in its {@link StreamInbox}, or
 * its timer (title wait, heartbeat, idle timeout) fired. The events ready at once are written together to the
 * {@link SseConnection} and flushed once. Chunks below the next expected sequence are dropped, so none is sent twice.
 * A client that disconnects only ends the writing — storing the answer does not depend on it.
 */
final class AnswerStream {

    private static final Logger log = LoggerFactory.getLogger(AnswerStream.class);

    /** The settings and the tasks every stream shares. */
    record Runtime(StreamSettings settings, Executor writers, ScheduledExecutorService timers) {
    }

    private enum Phase { WAITING, STREAMING, ENDED }

    private final Runtime runtime;
    private final StreamRecord record;
    private final StreamInbox inbox;
    private final SseConnection connection;
    private final SerialWriter writer;
    private final boolean fresh;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    // touched only by the writer's step (one at a time)
    private final ArrayDeque<LlmResponseEvent> early = new ArrayDeque<>();
    private Phase phase = Phase.WAITING;
    private String title;
    private long sentChars;
    private long startDeadline;
    private long idleDeadline;

    /**
     * @param resumeAfter the index of the last event the client has ({@code Last-Event-ID}), or -1 for a new stream
     * @param knownTitle  the conversation's title when known beforehand (resume), else null
     * @param onEnd       run once when the stream ends, however it ends
     */
    AnswerStream(Runtime runtime, StreamRecord record, StreamInbox inbox, SseConnection connection, long resumeAfter,
                 String knownTitle, Runnable onEnd) {
        this.runtime = runtime;
        this.record = record;
        this.inbox = inbox;
        this.connection = connection;
        this.writer = new SerialWriter(runtime.writers(), runtime.timers(), this::step);
        this.fresh = resumeAfter < 0;
        this.sentChars = Math.max(resumeAfter, 0);
        this.title = knownTitle;
        this.onEnd = onEnd;
    }

    /**
     * Starts the stream: {@code start} goes out at once, except on the first message of a conversation, where it
     * waits for the title at most {@code chat.stream.title-wait} (the answer's events that come meanwhile wait too).
     */
    void begin() {
        boolean waitForTitle = fresh && record.firstMessage();
        startDeadline = System.nanoTime() + (waitForTitle ? runtime.settings().titleWait().toNanos() : 0);
        connection.listen(writer.waker());
        inbox.listen(writer.waker());
        writer.wake();
    }

    private void step() {
        try {
            handleWaiting();
        } catch (IOException e) {
            end(); // the client is gone (a write failed); nothing else depends on this stream
        } catch (RuntimeException e) {
            log.warn("Stream of request {} ended by an error: {}", record.requestId(), e.toString());
            end();
        }
    }

    /** Handles everything waiting and what is due now, then sets the timer for what is due next. */
    private void handleWaiting() throws IOException {
        if (phase == Phase.ENDED) {
            while (inbox.poll() != null) {
                // nobody to write to any more
            }
            return;
        }
        if (connection.clientGone() || inbox.overflowed()) {
            end(); // an overflowed client resumes with Last-Event-ID: every event is still on the log
            return;
        }
        if (phase == Phase.WAITING && System.nanoTime() - startDeadline >= 0) {
            commit();
        }
        for (LlmResponseEvent event = inbox.poll(); event != null && phase != Phase.ENDED; event = inbox.poll()) {
            handle(event);
        }
        long now = System.nanoTime();
        if (phase == Phase.STREAMING) {
            if (now - idleDeadline >= 0) {
                finish(SseEvents.error(record.messageId(), "The AI did not answer in time. Please try again."));
            } else if (now - connection.lastWrite() >= runtime.settings().heartbeat().toNanos()) {
                connection.write(SseEvents.HEARTBEAT);
            }
        }
        if (phase == Phase.STREAMING) {
            connection.flush(); // one flush for whatever this step wrote
        }
        if (phase != Phase.ENDED) { // the earliest of: the title wait, the next heartbeat, the idle timeout
            writer.wakeAt(phase == Phase.WAITING ? startDeadline
                    : Math.min(idleDeadline, connection.lastWrite() + runtime.settings().heartbeat().toNanos()));
        }
    }

    private void handle(LlmResponseEvent event) throws IOException {
        if (record.isTitle(event.requestId())) {
            noteTitle(event);
            if (phase == Phase.WAITING) {
                commit();
            }
            return;
        }
        if (phase == Phase.WAITING) {
            early.add(event); // start waits for the title a little; so does the answer
            return;
        }
        idleDeadline = System.nanoTime() + runtime.settings().idleTimeout().toNanos();
        String messageId = record.messageId();
        switch (event) {
            case LlmChunk chunk -> {
                // by characters, not by chunk: an answer generated again (another worker) may be cut differently
                String fresh = chunk.after(sentChars);
                if (!fresh.isEmpty()) {
                    sentChars = chunk.end(sentChars);
                    connection.write(SseEvents.chunk(messageId, sentChars, fresh));
                }
            }
            case LlmCompleted completed -> finish(SseEvents.ending(messageId, AnswerEnding.of(record, completed),
                    record.firstMessage() ? title : null));
            case LlmFailed failed -> finish(SseEvents.ending(messageId, AnswerEnding.of(record, failed), null));
        }
    }

    /** Commits to {@code 200 text/event-stream} (and sends {@code start} on a new stream). */
    private void commit() throws IOException {
        phase = Phase.STREAMING;
        idleDeadline = System.nanoTime() + runtime.settings().idleTimeout().toNanos();
        connection.commit();
        if (fresh) {
            connection.write(SseEvents.start(record.messageId(), record.firstMessage(), title));
        } else {
            connection.flushHeaders(); // a resumed stream may wait a while for its next event
        }
        for (LlmResponseEvent event = early.poll(); event != null && phase != Phase.ENDED; event = early.poll()) {
            handle(event);
        }
    }

    private void finish(byte[] lastFrame) throws IOException {
        connection.write(lastFrame);
        connection.flush();
        end();
    }

    /** Ends the stream once: no more writing, the response completes, the owner lets go of the inbox. */
    private void end() {
        phase = Phase.ENDED;
        writer.stopTimer();
        if (ended.compareAndSet(false, true)) {
            try {
                connection.complete();
            } finally {
                onEnd.run();
            }
        }
    }

    private void noteTitle(LlmResponseEvent event) {
        if (title == null) {
            title = AnswerEnding.title(record, event);
        }
    }
}
