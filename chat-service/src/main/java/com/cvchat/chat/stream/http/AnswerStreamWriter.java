package com.cvchat.chat.stream.http;

import com.cvchat.chat.stream.StreamSettings;
import com.cvchat.chat.stream.answer.StreamInbox;
import com.cvchat.chat.stream.storage.StreamRecord;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Writes answers to clients as Server-Sent Events from an {@link StreamInbox} (live from the reply consumer or replayed
 * from the log). The request is put in async mode and its thread returns at once: a held stream costs its
 * connection and a small {@link AnswerStream}, not a parked thread. Writing happens on short-lived virtual threads,
 * one at a time per stream; heartbeats, the title wait and idle timeouts come from one shared timer thread.
 */
@Component
public class AnswerStreamWriter {

    private final ScheduledThreadPoolExecutor timers;
    private final AnswerStream.Runtime runtime;

    AnswerStreamWriter(StreamSettings settings) {
        ThreadFactory timerThread = Thread.ofPlatform().name("sse-timers").daemon().factory();
        timers = new ScheduledThreadPoolExecutor(1, timerThread);
        timers.setRemoveOnCancelPolicy(true); // a stream's timer is replaced often: do not keep the cancelled ones
        ThreadFactory writerThreads = Thread.ofVirtual().name("sse-writer").factory();
        Executor writers = task -> writerThreads.newThread(task).start();
        runtime = new AnswerStream.Runtime(settings, writers, timers);
    }

    /**
     * Starts writing the answer of {@code record} to the client of {@code request}; returns at once.
     *
     * @param resumeAfter the index of the last event the client has ({@code Last-Event-ID}), or -1 for a new stream
     * @param knownTitle  the conversation's title when known beforehand (resume), else null
     * @param onEnd       run once when the stream ends (the answer ended, the client left, or it fell behind)
     */
    public void start(HttpServletRequest request, StreamRecord record, StreamInbox inbox, long resumeAfter,
                      String knownTitle, Runnable onEnd) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // no container timeout: the stream's own idle timeout ends a silent answer
        new AnswerStream(runtime, record, inbox, new SseConnection(async), resumeAfter, knownTitle, onEnd).begin();
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }
}
