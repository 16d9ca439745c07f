package com.cvchat.llmworker.dispatch;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Keeps an answer in its request's trace. The generation's executor carries the request's trace context (the
 * listener's receive span) to the generation's thread; there one span per answer ({@code llm.generation}) covers the
 * model call, and the W3C headers of that span ({@code traceparent}, {@code tracestate} when set) are computed once
 * and put on every record sent for the answer: chunks, the last event, its copy on {@code llm.outcomes}. A chunk costs
 * those few bytes and no observation of its own.
 */
@Component
class AnswerTracing {

    static final String SPAN_NAME = "llm.generation";

    private final Tracer tracer;
    private final Propagator propagator;

    AnswerTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /**
     * {@code executor}, running each task in the context captured where it was submitted (the current observation,
     * hence its trace: Micrometer's context propagation).
     */
    static ExecutorService propagating(ExecutorService executor) {
        return ContextExecutorService.wrap(executor, ContextSnapshotFactory.builder().build());
    }

    /** The headers of the current trace context (none without one). */
    List<Header> currentHeaders() {
        return headers(tracer.currentTraceContext().context());
    }

    /** Starts the answer's span as a child of the current context, in scope on this thread until closed. */
    AnswerSpan start(String provider, String task) {
        Span span = tracer.nextSpan().name(SPAN_NAME).tag("llm.provider", provider).tag("llm.task", task).start();
        return new AnswerSpan(span, tracer.withSpan(span), headers(span.context()));
    }

    private List<Header> headers(TraceContext context) {
        if (context == null) {
            return List.of();
        }
        List<Header> headers = new ArrayList<>(2);
        propagator.inject(context, headers,
                (carrier, key, value) -> carrier.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return List.copyOf(headers);
    }

    /** An answer's span, in scope on the generation's thread. */
    record AnswerSpan(Span span, Tracer.SpanInScope scope, List<Header> headers) implements AutoCloseable {

        void outcome(Generation.Outcome outcome) {
            span.tag("llm.outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
