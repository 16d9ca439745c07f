package com.cvchat.cvbuilder.turn;

import com.cvchat.cvbuilder.data.DocType;
import com.cvchat.cvbuilder.data.ResponseSchema;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.limits.ModelUsageLimits;
import com.cvchat.platform.replies.ReplyChannel;
import com.cvchat.platform.replies.Subscription;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.cv.Removal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One CV-builder turn through the model: publishes a {@code cv_turn} request to {@code llm.requests}, answered on this
 * instance's partition of {@code llm.responses.cv} ({@link ReplyChannel}), and waits, bounded, for its answer. The
 * reply consumer only queues the events; the asking thread hands the streamed pieces on, so a slow client holds up
 * no one else.
 */
@Component
public class CvTurnClient {

    private static final Logger log = LoggerFactory.getLogger(CvTurnClient.class);
    static final String TIMEOUT_MESSAGE = "The AI assistant did not answer in time. Please try again.";
    /** The {@code origin} of the CV builder's model requests. */
    static final String ORIGIN = "cv";

    private final EventPublisher publisher;
    private final ReplyChannel replies;
    private final TurnProperties properties;
    private final ModelUsageLimits limits;

    CvTurnClient(EventPublisher publisher, ReplyChannel replies, TurnProperties properties,
                 ModelUsageLimits limits) {
        this.publisher = publisher;
        this.replies = replies;
        this.properties = properties;
        this.limits = limits;
    }

    /** Asks the model for the patch and next question of the question's message. */
    public TurnResult ask(TurnQuestion question) {
        return ask(question, text -> { });
    }

    /** As {@link #ask(TurnQuestion)}, handing each streamed piece of the reply to {@code onChunk} as it arrives. */
    public TurnResult ask(TurnQuestion question, Consumer<String> onChunk) {
        limits.acquire(question.userId());
        String requestId = UUID.randomUUID().toString();
        ReplyChannel.Address address = replies.address();
        LlmRequest request = request(requestId, question, properties.historyWindow()).to(address.replyTo());
        BlockingQueue<LlmResponseEvent> events = new LinkedBlockingQueue<>();
        try (Subscription answer = replies.subscribe(address, Set.of(requestId), events::add)) {
            publisher.publishAndWait(Topics.LLM_REQUESTS,
                    EventEnvelope.of(question.sessionId(), question.userId(), requestId, request));
            LlmResponseEvent response = awaitEnd(events, onChunk);
            if (response instanceof LlmCompleted completed) {
                limits.recordUsage(question.userId(), completed.usage());
            }
            return toResult(response);
        } catch (TimeoutException e) {
            cancel(question, requestId);
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, TIMEOUT_MESSAGE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The request was interrupted. Please try again.");
        } catch (EventPublisher.EventPublishException e) {
            log.warn("CV turn {} could not be sent", requestId, e);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The AI assistant is not reachable right now. Please try again.");
        }
    }

    /** Hands the streamed pieces to {@code onChunk} as they come; returns the answer's last event. */
    private LlmResponseEvent awaitEnd(BlockingQueue<LlmResponseEvent> events, Consumer<String> onChunk)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        while (true) {
            LlmResponseEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new TimeoutException();
            }
            if (event.terminal()) {
                return event;
            }
            onChunk.accept(((LlmChunk) event).text());
        }
    }

    /** The {@code cv_turn} request for {@code question}, with at most {@code historyWindow} earlier messages. */
    public static LlmRequest request(String requestId, TurnQuestion question, int historyWindow) {
        List<ChatTurn> history = question.history();
        return new LlmRequest(requestId, ORIGIN, LlmTask.CV_TURN,
                TurnInstructions.forTurn(question.docType(), question.missing()),
                history.subList(Math.max(0, history.size() - historyWindow), history.size()), question.message(),
                context(question), ResponseSchema.of(question.docType().shape()));
    }

    private static JsonNode context(TurnQuestion question) {
        return JsonNodeFactory.instance.objectNode().put("doc_type", question.docType().wireName()).set("data", question.data());
    }

    /** The turn's result from the model's final event: the structured patch, removals and message, or the error. */
    public static TurnResult toResult(LlmResponseEvent response) {
        if (response instanceof LlmFailed failed) {
            throw TurnFailures.toApiException(failed);
        }
        LlmCompleted completed = (LlmCompleted) response;
        JsonNode structured = completed.structured();
        JsonNode patch = structured == null ? JsonNodeFactory.instance.objectNode() : structured.path("patch");
        String message = structured != null && structured.path("message").isString()
                && !structured.path("message").asString().isBlank()
                ? structured.path("message").asString() : completed.text();
        return new TurnResult(patch.isObject() ? patch : JsonNodeFactory.instance.objectNode(), Removal.listIn(structured),
                message == null ? "" : message);
    }

    private void cancel(TurnQuestion question, String requestId) {
        publisher.publish(Topics.LLM_REQUESTS, EventEnvelope.of(question.sessionId(), question.userId(), requestId,
                new LlmCancel(requestId, "timeout")));
    }

    /** What a turn needs: whose session, the doc type, the current data, earlier messages and the new message. */
    public record TurnQuestion(String sessionId, String userId, DocType docType, JsonNode data, List<String> missing,
                               List<ChatTurn> history, String message) {
    }
}
