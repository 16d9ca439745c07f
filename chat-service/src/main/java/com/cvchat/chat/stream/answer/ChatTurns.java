package com.cvchat.chat.stream.answer;

import com.cvchat.chat.conversation.ConversationCommands;
import com.cvchat.chat.conversation.ConversationDocument;
import com.cvchat.chat.conversation.Conversations;
import com.cvchat.chat.conversation.MessageDocument;
import com.cvchat.chat.stream.StreamSettings;
import com.cvchat.chat.stream.storage.AiMessageIds;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.chat.stream.storage.StreamRecords;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.limits.ModelUsageLimits;
import com.cvchat.platform.replies.ReplyChannel;
import com.cvchat.platform.replies.Subscription;
import com.cvchat.rules.title.Titles;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One user turn: store the user's message (event first), record the answer's bookkeeping, subscribe to the answer's
 * events on this instance's reply partition, then ask the model — the answer, and for the first message of a
 * conversation a title — with the reply address in the requests. No Kafka look-up happens here: the reply partition
 * and the offset the answer starts from are this instance's own ({@link ReplyChannel#address}).
 */
@Component
public class ChatTurns {

    /** The {@code origin} of chat's model requests. */
    public static final String ORIGIN = "chat";

    private final Conversations conversations;
    private final ConversationCommands commands;
    private final StreamRecords records;
    private final ReplyChannel replies;
    private final EventPublisher publisher;
    private final StreamSettings settings;
    private final ModelUsageLimits limits;

    ChatTurns(Conversations conversations, ConversationCommands commands, StreamRecords records, ReplyChannel replies,
              EventPublisher publisher, StreamSettings settings, ModelUsageLimits limits) {
        this.conversations = conversations;
        this.commands = commands;
        this.records = records;
        this.replies = replies;
        this.publisher = publisher;
        this.settings = settings;
        this.limits = limits;
    }

    /** A started turn: its record, the inbox its events arrive in, and the subscription feeding it (close it when done). */
    public record Started(StreamRecord record, StreamInbox inbox, Subscription subscription) {
    }

    public Started start(String userId, String conversationId, String body) {
        ConversationDocument conversation = conversations.owned(userId, conversationId);
        SendMessageRequest request = SendMessageRequest.parse(body, settings.maxMessageLength());
        limits.acquire(userId); // before anything is stored or published: a refused turn leaves no trace
        ReplyChannel.Address address = replies.address();
        boolean first = conversation.title() == null && !conversations.hasMessages(conversation);
        List<ChatTurn> history = conversations.recentMessages(conversation.id(), settings.historyWindow()).stream()
                .map(ChatTurns::turn).toList();

        String requestId = UUID.randomUUID().toString();
        commands.addMessage(conversation.id(), userId, new MessageAdded(UUID.randomUUID().toString(),
                MessageDocument.SENDER_USER, request.message(), "text", requestId, null));

        StreamRecord record = new StreamRecord(requestId, AiMessageIds.of(requestId), conversation.id(), userId,
                request.message(), first ? UUID.randomUUID().toString() : null, address.partition(),
                address.fromOffset(), StreamRecord.RUNNING, Instant.now());
        records.save(record); // before the request: the persister finds it however fast the answer ends
        List<LlmRequestEvent> asks = new ArrayList<>();
        if (first) { // the title first: it is short, and start waits a little for it (chat.stream.title-wait)
            asks.add(new LlmRequest(record.titleRequestId(), ORIGIN, LlmTask.TITLE, Titles.INSTRUCTION,
                    List.of(), request.message(), null, null).to(address.replyTo()));
        }
        asks.add(new LlmRequest(requestId, ORIGIN, LlmTask.CHAT_REPLY, request.personality().systemInstruction(),
                history, request.message(), null, null).to(address.replyTo()));
        StreamInbox inbox = new StreamInbox(settings.bufferedEvents());
        Subscription subscription = replies.subscribe(address, record.requestIds(), inbox::offer);
        try {
            // the answer and the title are asked for together (one wait for the broker, not two)
            publisher.publishAllAndWait(Topics.LLM_REQUESTS, asks.stream()
                    .map(ask -> EventEnvelope.of(record.conversationId(), record.userId(), record.requestId(), ask))
                    .toList());
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        return new Started(record, inbox, subscription);
    }

    private static ChatTurn turn(MessageDocument message) {
        return new ChatTurn(MessageDocument.SENDER_AI.equals(message.sender()) ? ChatTurn.MODEL : ChatTurn.USER,
                message.text());
    }
}
