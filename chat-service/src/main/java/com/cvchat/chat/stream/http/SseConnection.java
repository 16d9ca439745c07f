package com.cvchat.chat.stream.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client's end of one held SSE stream (a request in async mode): commits the response to
 * {@code 200 text/event-stream}, writes frames and flushes once for whatever a step wrote, remembers when it last
 * wrote (for heartbeats), and notices a client that went away (the container tells it; {@code onLeft} runs then).
 * Used by one writer at a time.
 */
final class SseConnection implements AsyncListener {

    private final AsyncContext async;
    private final HttpServletResponse response;
    private Runnable onLeft = () -> { };
    private OutputStream out;
    private boolean unflushed;
    private long lastWrite;
    private volatile boolean clientGone;

    SseConnection(AsyncContext async) {
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
    }

    /** Listens to the container from now on; {@code onLeft} runs when the client goes away (or an error ends it). */
    void listen(Runnable onLeft) {
        this.onLeft = onLeft;
        async.addListener(this);
    }

    boolean clientGone() {
        return clientGone;
    }

    /** Commits to {@code 200 text/event-stream}. */
    void commit() throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        out = response.getOutputStream();
    }

    /** Sends the headers now (a stream that may wait a while for its first event). */
    void flushHeaders() throws IOException {
        out.flush();
        lastWrite = System.nanoTime();
    }

    void write(byte[] frame) throws IOException {
        out.write(frame);
        unflushed = true;
        lastWrite = System.nanoTime();
    }

    /** One flush for whatever was written since the last. */
    void flush() throws IOException {
        if (unflushed) {
            unflushed = false;
            out.flush();
        }
    }

    /** When the last write happened ({@link System#nanoTime}). */
    long lastWrite() {
        return lastWrite;
    }

    /** Completes the response, unless the container already did (the client went away). */
    void complete() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // the container already completed it
        }
    }

    // the container's view: a client that went away (or an error) ends the writing at the next occasion

    @Override
    public void onComplete(AsyncEvent event) {
        left();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        left();
    }

    @Override
    public void onError(AsyncEvent event) {
        left();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private void left() {
        clientGone = true;
        onLeft.run();
    }
}
