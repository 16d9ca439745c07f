package com.cvchat.platform.test.sse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One Server-Sent Events response read line by line as the lines arrive, comments (heartbeats) included, with no
 * thread of its own: the JDK's non-blocking HTTP client reads any number of them on its selector thread. What a line
 * means is the subclass's {@link #onLine}. For thousands of held streams; {@link SseClient} parses events for one.
 */
public abstract class SseLines implements Flow.Subscriber<String> {

    private volatile CompletableFuture<HttpResponse<Void>> response;
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;

    /** Sends {@code request} on {@code client}; returns the response, complete once its headers have arrived. */
    public CompletableFuture<HttpResponse<Void>> open(HttpClient client, HttpRequest request) {
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(this));
        response = sent;
        sent.whenComplete((r, e) -> {
            if (e != null) {
                ended = true;
            }
        });
        return sent;
    }

    /** One line of the body, without its line break, in order. */
    protected abstract void onLine(String line);

    @Override
    public final void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public final void onNext(String line) {
        onLine(line);
    }

    @Override
    public final void onError(Throwable throwable) {
        ended = true;
    }

    @Override
    public final void onComplete() {
        ended = true;
    }

    /** The body ended or broke, or the request failed. */
    public boolean ended() {
        return ended;
    }

    /** The response of {@link #open}. */
    public CompletableFuture<HttpResponse<Void>> response() {
        return response;
    }

    /** Closes the connection from the client's side, as a user leaving the page. */
    public void hangUp() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        CompletableFuture<HttpResponse<Void>> pending = response;
        if (pending != null) {
            pending.cancel(true);
        }
    }
}
