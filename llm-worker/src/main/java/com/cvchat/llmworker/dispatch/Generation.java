package com.cvchat.llmworker.dispatch;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.llmworker.provider.Cancellation;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.GenerationCancelled;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.ProviderResult;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.Acknowledgment;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One request being answered: runs the provider, publishes chunks 0, 1, 2 … then exactly one terminal event — unless
 * it is handed back on rebalance/shutdown, in which case it publishes nothing more and the next owner answers it.
 * Kept whole at ~200 lines: the request's bookkeeping is accessors, and the rest (sequence, sent text, the hand-back
 * check before the last event) is one state that the chunk path and the ending share.
 */
final class Generation {

    private static final Logger log = LoggerFactory.getLogger(Generation.class);

    enum Outcome { COMPLETED, FAILED, CANCELLED, HANDED_BACK }

    private final EventEnvelope<?> envelope;
    private final LlmRequest request;
    private final TopicPartition partition;
    private final long offset;
    private final Acknowledgment ack;
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private volatile List<Header> trace = List.of();
    private volatile boolean handedBack;
    private long sequence;
    private long sentChars;
    private long firstChunkNanos;
    private ChunkCoalescer chunks;

    Generation(EventEnvelope<?> envelope, LlmRequest request, TopicPartition partition, long offset, Acknowledgment ack) {
        this.envelope = envelope;
        this.request = request;
        this.partition = partition;
        this.offset = offset;
        this.ack = ack;
    }

    String requestId() {
        return request.requestId();
    }

    LlmRequest request() {
        return request;
    }

    TopicPartition partition() {
        return partition;
    }

    long offset() {
        return offset;
    }

    Acknowledgment ack() {
        return ack;
    }

    /** Completed by the dispatcher once the outcome is published and the offset released. */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    long firstChunkNanos() {
        return firstChunkNanos;
    }

    /** The trace headers every record of this answer carries (set once, before its first record). */
    void traced(List<Header> headers) {
        trace = headers;
    }

    /** Stops the generation; it ends with {@code llm.failed} / {@code cancelled}. */
    void cancel() {
        cancellation.cancel();
    }

    /** Stops the generation without an outcome: the partition's next owner will answer the request. */
    void handBack() {
        handedBack = true;
        cancellation.cancel();
    }

    /** Runs on the generation's own virtual thread. */
    Outcome run(LlmProvider provider, ResponsePublisher publisher) {
        cancellation.bind(Thread.currentThread());
        Outcome result;
        try {
            result = execute(provider, publisher);
        } finally {
            Thread.interrupted();
        }
        return result;
    }

    /** Ends a cancelled generation (also one cancelled before it started) with {@code cancelled}. */
    Outcome endCancelled(ResponsePublisher publisher) {
        return terminal(publisher, failed(FailureReason.CANCELLED, false, "The request was cancelled"),
                Outcome.CANCELLED);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    private Outcome execute(LlmProvider provider, ResponsePublisher publisher) {
        long start = System.nanoTime();
        ChunkCoalescer coalescer = publisher.coalescer(text -> send(publisher, text, start));
        synchronized (this) {
            chunks = coalescer;
        }
        try {
            cancellation.throwIfCancelled();
            ProviderResult result = provider.generate(new GenerationCall(request, envelope.userId(),
                    this::chunk, cancellation));
            cancellation.throwIfCancelled();
            coalescer.close(); // the chunk count below includes what was held
            return terminal(publisher, new LlmCompleted(request.requestId(), request.origin(), result.text(), sequence,
                    result.usage(), result.structured(), provider.name()), Outcome.COMPLETED);
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                Thread.interrupted();
                return endCancelled(publisher);
            }
            if (e instanceof LlmFailure failure) {
                return terminal(publisher, failed(failure.reason(), failure.retryable(), failure.getMessage()),
                        Outcome.FAILED);
            }
            if (e instanceof GenerationCancelled) {
                return terminal(publisher, failed(FailureReason.CANCELLED, false, "The request was cancelled"),
                        Outcome.CANCELLED);
            }
            log.warn("Unexpected error in provider {} for request {}", provider.name(), request.requestId(), e);
            return terminal(publisher, failed(FailureReason.PROVIDER_ERROR, true,
                    "The " + provider.name() + " provider failed unexpectedly"), Outcome.FAILED);
        }
    }

    private void chunk(String piece) {
        if (cancellation.isCancelled()) {
            throw new GenerationCancelled();
        }
        if (piece == null || piece.isEmpty()) {
            return;
        }
        text.append(piece);
        chunks.add(piece);
    }

    /** One chunk on the wire (called by the coalescer, under its lock: sequences follow the order of sends). */
    private void send(ResponsePublisher publisher, String piece, long start) {
        if (sequence == 0) {
            firstChunkNanos = System.nanoTime() - start;
        }
        publisher.publish(envelope, request.replyTo(), trace,
                new LlmChunk(request.requestId(), request.origin(), sequence++, piece, sentChars));
        sentChars += piece.length();
    }

    private LlmFailed failed(FailureReason reason, boolean retryable, String message) {
        return new LlmFailed(request.requestId(), request.origin(), reason, message, retryable, text.toString());
    }

    private Outcome terminal(ResponsePublisher publisher, LlmResponseEvent event, Outcome result) {
        ChunkCoalescer coalescer;
        synchronized (this) {
            coalescer = chunks;
        }
        if (handedBack) {
            if (coalescer != null) {
                coalescer.discard();
            }
            return Outcome.HANDED_BACK;
        }
        if (coalescer != null) {
            coalescer.close(); // every held piece goes out before the last event
        }
        try {
            publisher.publishAndWait(envelope, request.replyTo(), trace, event);
        } catch (RuntimeException e) {
            log.error("Could not publish the outcome of request {}", request.requestId(), e);
        }
        return result;
    }
}
