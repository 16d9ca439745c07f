package com.cvchat.voice.answer;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.events.conversation.VoiceTurnTranscribed;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.limits.ModelUsageLimits;
import com.cvchat.platform.replies.ReplyChannel;
import com.cvchat.platform.replies.ReplyHandler;
import com.cvchat.rules.personality.Personality;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The answer path of an utterance: the transcript becomes a user message of the conversation
 * ({@code chat.message-added}, channel voice, applied by chat-service), a {@code voice.turn-transcribed} record and a
 * {@code chat_reply} request on {@code llm.requests}; the first message of an untitled conversation also asks for a
 * title.
 */
@Service
public class VoiceTurns {

    public static final String ORIGIN = "voice";
    public static final String CHANNEL = "voice";
    static final int HISTORY_TURNS = 20;
    /** The default personality, told that its answer will be heard rather than read. */
    static final String SYSTEM_INSTRUCTION = Personality.DEFAULT.systemInstruction() + " The user is talking to you by "
            + "voice: answer in plain spoken sentences, without markdown, lists or emojis.";

    private final EventPublisher events;
    private final PendingRequests pending;
    private final ModelUsageLimits limits;
    private final ReplyChannel replies;
    private final ReplyHandler relay;

    VoiceTurns(EventPublisher events, PendingRequests pending, ModelUsageLimits limits, ReplyChannel replies,
               @Lazy LlmResponseRelay relay) {
        this.events = events;
        this.pending = pending;
        this.limits = limits;
        this.replies = replies;
        this.relay = relay;
    }

    /** Stores the user message and asks the model; returns the id of the answer request. */
    public String submit(VoiceTurn turn, AnswerSink sink) {
        limits.acquire(turn.userId()); // a refused turn stores and publishes nothing
        String requestId = UUID.randomUUID().toString();
        events.publishAndWait(Topics.CONVERSATION_EVENTS, envelope(turn, requestId, new MessageAdded(
                UUID.randomUUID().toString(), "user", turn.transcript(), CHANNEL, requestId, null)));
        events.publishAndWait(Topics.CONVERSATION_EVENTS, envelope(turn, turn.turnId(), new VoiceTurnTranscribed(
                turn.turnId(), turn.transcript(), turn.audioMillis(), turn.format().encoding(),
                turn.format().sampleRateHz(), turn.provider())));
        List<ChatTurn> history = turn.history().subList(Math.max(0, turn.history().size() - HISTORY_TURNS), turn.history().size());
        ReplyChannel.Address address = replies.address();
        ask(turn, address, new PendingRequests.Pending(requestId, turn.conversationId(), turn.userId(),
                turn.transcript(), false, sink), new LlmRequest(requestId, ORIGIN, LlmTask.CHAT_REPLY,
                SYSTEM_INSTRUCTION, history, turn.transcript(), null, null));
        if (turn.needsTitle()) {
            String titleRequestId = UUID.randomUUID().toString();
            ask(turn, address, new PendingRequests.Pending(titleRequestId, turn.conversationId(), turn.userId(),
                    turn.transcript(), true, sink), new LlmRequest(titleRequestId, ORIGIN, LlmTask.TITLE, null,
                    List.of(), turn.transcript(), null, null));
        }
        return requestId;
    }

    /** Waits for the answer of {@code request} on this instance's reply partition, then sends the request. */
    private void ask(VoiceTurn turn, ReplyChannel.Address address, PendingRequests.Pending waiting, LlmRequest request) {
        pending.add(waiting);
        waiting.subscription = replies.subscribe(address, Set.of(request.requestId()), relay);
        try {
            events.publishAndWait(Topics.LLM_REQUESTS, envelope(turn, request.requestId(), request.to(address.replyTo())));
        } catch (RuntimeException e) {
            pending.remove(request.requestId());
            waiting.subscription.close();
            throw e;
        }
    }

    /** Barge-in: stops relaying the answer and asks the worker to stop; an interrupted answer is not stored. */
    public boolean cancel(String requestId, String reason) {
        return pending.remove(requestId).map(request -> {
            request.subscription.close();
            events.publishAndWait(Topics.LLM_REQUESTS, EventEnvelope.of(request.conversationId, request.userId,
                    requestId, new LlmCancel(requestId, reason)));
            return true;
        }).orElse(false);
    }

    void countUsage(PendingRequests.Pending request, TokenUsage usage) {
        limits.recordUsage(request.userId, usage);
    }

    void storeAnswer(PendingRequests.Pending request, String text, String disclaimerCategory) {
        events.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(request.conversationId, request.userId,
                request.requestId, new MessageAdded(UUID.randomUUID().toString(), "ai", text, CHANNEL,
                        request.requestId, disclaimerCategory)));
    }

    void storeTitle(PendingRequests.Pending request, String title) {
        events.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(request.conversationId, request.userId,
                request.requestId, new TitleSet(title, true)));
    }

    private static <P extends EventPayload> EventEnvelope<P> envelope(VoiceTurn turn, String correlationId, P payload) {
        return EventEnvelope.of(turn.conversationId(), turn.userId(), correlationId, payload);
    }
}
