package com.cvchat.chat.stream.http;

import com.cvchat.chat.stream.StreamSettings;
import com.cvchat.chat.stream.answer.AnswerEnding;
import com.cvchat.chat.stream.answer.StreamInbox;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmResponseEvent;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One answer being written to one client as Server-Sent Events, without a thread of its own while it waits: the
 * request is put in async mode, and a short-lived writer task runs only when there is something to do — events
 * arrived in its {@link StreamInbox}, or its timer (title wait, heartbeat, idle timeout) fired. At most one writer
 * task runs at a time for a stream (a work-in-progress counter), so its events are written in order by one writer;
 * the events ready at once are written together and flushed once. Chunks below the next expected sequence are dropped, so none is sent twice.
 * A client that disconnects only ends the writing — storing the answer does not depend on it.
 */
final class AnswerStream implements AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(AnswerStream.class);

    /** The settings and the tasks every stream shares. */
    record Runtime(StreamSettings settings, Executor writers, ScheduledExecutorService timers) {
    }

    private enum Phase { WAITING, STREAMING, ENDED }

    private final java.util.ArrayDeque<LlmResponseEvent> early = new java.util.ArrayDeque<>();

    private final Runtime runtime;
    private final StreamRecord record;
    private final StreamInbox inbox;
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final boolean fresh;
    private final Runnable onEnd;
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final Runnable wake = this::wake;

    // touched only by the writer task (one at a time; the counter's atomics order them)
    private Phase phase = Phase.WAITING;
    private String title;
    private long sentChars;
    private long startDeadline;
    private long idleDeadline;
    private long lastWrite;
    private OutputStream out;
    private boolean unflushed;
    private ScheduledFuture<?> timer;
    private long timerAt;
    private volatile boolean clientGone;

    /**
     * @param resumeAfter the index of the last event the client has ({@code Last-Event-ID}), or -1 for a new stream
     * @param knownTitle  the conversation's title when known beforehand (resume), else null
     * @param onEnd       run once when the stream ends, however it ends
     */
    AnswerStream(Runtime runtime, StreamRecord record, StreamInbox inbox, AsyncContext async, long resumeAfter,
                 String knownTitle, Runnable onEnd) {
        this.runtime = runtime;
        this.record = record;
        this.inbox = inbox;
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
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
        async.addListener(this);
        inbox.listen(wake);
        wake();
    }

    /** Something may be waiting: makes sure a writer task runs (after any running one). */
    private void wake() {
        if (work.getAndIncrement() == 0) {
            runtime.writers().execute(drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                step();
            } catch (IOException e) {
                end(); // the client is gone (a write failed); nothing else depends on this stream
            } catch (RuntimeException e) {
                log.warn("Stream of request {} ended by an error: {}", record.requestId(), e.toString());
                end();
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Handles everything waiting and what is due now, then sets the timer for what is due next. */
    private void step() throws IOException {
        if (phase == Phase.ENDED) {
            while (inbox.poll() != null) {
                // nobody to write to any more
            }
            return;
        }
        if (clientGone || inbox.overflowed()) {
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
            } else if (now - lastWrite >= runtime.settings().heartbeat().toNanos()) {
                write(SseEvents.HEARTBEAT);
            }
        }
        if (phase == Phase.STREAMING) {
            flush(); // one flush for whatever this step wrote
        }
        schedule();
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
                    write(SseEvents.chunk(messageId, sentChars, fresh));
                }
            }
            case LlmCompleted completed -> finish(AnswerEnding.of(record, completed)
                    .frame(messageId, record.firstMessage() ? title : null));
            case LlmFailed failed -> finish(AnswerEnding.of(record, failed).frame(messageId, null));
        }
    }

    /** Commits to {@code 200 text/event-stream} (and sends {@code start} on a new stream). */
    private void commit() throws IOException {
        phase = Phase.STREAMING;
        idleDeadline = System.nanoTime() + runtime.settings().idleTimeout().toNanos();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        out = response.getOutputStream();
        if (fresh) {
            write(SseEvents.start(record.messageId(), record.firstMessage(), title));
        } else {
            out.flush(); // the headers: a resumed stream may wait a while for its next event
            lastWrite = System.nanoTime();
        }
        for (LlmResponseEvent event = early.poll(); event != null && phase != Phase.ENDED; event = early.poll()) {
            handle(event);
        }
    }

    private void write(byte[] frame) throws IOException {
        out.write(frame);
        unflushed = true;
        lastWrite = System.nanoTime();
    }

    private void flush() throws IOException {
        if (unflushed) {
            unflushed = false;
            out.flush();
        }
    }

    private void finish(byte[] lastFrame) throws IOException {
        write(lastFrame);
        flush();
        end();
    }

    /** Ends the stream once: no more writing, the response completes, the owner lets go of the inbox. */
    private void end() {
        phase = Phase.ENDED;
        if (timer != null) {
            timer.cancel(false);
        }
        if (ended.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // the container already completed it (the client went away)
            } finally {
                onEnd.run();
            }
        }
    }

    /** One timer per stream, for the earliest of: the title wait, the next heartbeat, the idle timeout. */
    private void schedule() {
        if (phase == Phase.ENDED) {
            return;
        }
        long due = phase == Phase.WAITING ? startDeadline
                : Math.min(idleDeadline, lastWrite + runtime.settings().heartbeat().toNanos());
        long now = System.nanoTime();
        if (timer != null && timerAt - now > 0 && timerAt - due <= 0) {
            return; // the pending timer fires no later than needed (early is fine: the step looks again)
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = due;
        timer = runtime.timers().schedule(wake, Math.max(0, due - now), TimeUnit.NANOSECONDS);
    }

    private void noteTitle(LlmResponseEvent event) {
        if (title == null) {
            title = AnswerEnding.title(record, event);
        }
    }

    // the container's view: a client that went away (or an error) ends the writing at the next occasion

    @Override
    public void onComplete(AsyncEvent event) {
        clientGone = true;
        wake();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        clientGone = true;
        wake();
    }

    @Override
    public void onError(AsyncEvent event) {
        clientGone = true;
        wake();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
