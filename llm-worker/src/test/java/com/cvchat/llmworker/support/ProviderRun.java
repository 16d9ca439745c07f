package com.cvchat.llmworker.support;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.provider.Cancellation;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.ProviderResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a provider on its own thread like the dispatcher does, and records what it streamed. */
public final class ProviderRun {

    private final List<String> chunks = new CopyOnWriteArrayList<>();
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<ProviderResult> result;

    private ProviderRun(LlmProvider provider, LlmRequest request, String userId) {
        result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            cancellation.bind(Thread.currentThread());
            try {
                result.complete(provider.generate(new GenerationCall(request, userId, chunks::add, cancellation)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    public static ProviderRun start(LlmProvider provider, LlmRequest request) {
        return new ProviderRun(provider, request, Requests.USER);
    }

    public static ProviderRun start(LlmProvider provider, LlmRequest request, String userId) {
        return new ProviderRun(provider, request, userId);
    }

    /** Starts and waits until the provider ended (it must, on its own: every failure path is bounded). */
    public static ProviderRun complete(LlmProvider provider, LlmRequest request, String userId) {
        ProviderRun run = start(provider, request, userId);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(run::done);
        return run;
    }

    /** The {@link LlmFailure} the provider ended with (fails the test when it ended otherwise). */
    public LlmFailure llmFailure() {
        org.assertj.core.api.Assertions.assertThat(failure()).isInstanceOf(LlmFailure.class);
        return (LlmFailure) failure();
    }

    public List<String> chunks() {
        return List.copyOf(chunks);
    }

    public void cancel() {
        cancellation.cancel();
    }

    public CompletableFuture<ProviderResult> result() {
        return result;
    }

    public boolean done() {
        return result.isDone();
    }

    /** The failure the provider ended with, or null. */
    public Throwable failure() {
        return result.isCompletedExceptionally() ? result.exceptionNow() : null;
    }
}
