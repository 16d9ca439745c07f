package com.cvchat.chat.streaming;

import com.cvchat.chat.conversation.ConversationCommands;
import com.cvchat.chat.conversation.ConversationDocument;
import com.cvchat.chat.conversation.Conversations;
import com.cvchat.chat.conversation.MessageDocument;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.limits.ModelUsageLimits;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One user turn: store the user's message (event first), record the answer's bookkeeping, attach the caller to the
 * answer's events, then ask the model — the answer, and for the first message of a conversation a title.
 */
@Component
public class ChatTurns {

    private final Conversations conversations;
    private final ConversationCommands commands;
    private final StreamRecords records;
    private final LiveStreams live;
    private final ResponseFanOut fanOut;
    private final ResponseLog responseLog;
    private final EventPublisher publisher;
    private final StreamSettings settings;
    private final ModelUsageLimits limits;

    ChatTurns(Conversations conversations, ConversationCommands commands, StreamRecords records, LiveStreams live,
              ResponseFanOut fanOut, ResponseLog responseLog, EventPublisher publisher, StreamSettings settings,
              ModelUsageLimits limits) {
        this.conversations = conversations;
        this.commands = commands;
        this.records = records;
        this.live = live;
        this.fanOut = fanOut;
        this.responseLog = responseLog;
        this.publisher = publisher;
        this.settings = settings;
        this.limits = limits;
    }

    /** A started turn: its record and the inbox its events arrive in (unregister it when done). */
    public record Started(StreamRecord record, StreamInbox inbox) {
    }

    public Started start(String userId, String conversationId, String body) {
        ConversationDocument conversation = conversations.owned(userId, conversationId);
        SendMessageRequest request = SendMessageRequest.parse(body, settings.maxMessageLength());
        limits.acquire(userId); // before anything is stored or published: a refused turn leaves no trace
        fanOut.awaitReady(settings.readyTimeout());
        boolean first = conversation.title() == null && !conversations.hasMessages(conversation.id());
        List<ChatTurn> history = conversations.recentMessages(conversation.id(), settings.historyWindow()).stream()
                .map(ChatTurns::turn).toList();

        String requestId = UUID.randomUUID().toString();
        commands.addMessage(conversation.id(), userId, new MessageAdded(UUID.randomUUID().toString(),
                MessageDocument.SENDER_USER, request.message(), "text", requestId, null));

        TopicPartition partition = responseLog.partitionOf(conversation.id());
        StreamRecord record = new StreamRecord(requestId, AiMessageIds.of(requestId), conversation.id(), userId,
                request.message(), first ? UUID.randomUUID().toString() : null, partition.partition(),
                responseLog.endOffset(partition), StreamRecord.RUNNING, Instant.now());
        records.save(record);
        StreamInbox inbox = live.register(record);
        try {
            ask(record, new LlmRequest(requestId, ResponseFanOut.ORIGIN, LlmTask.CHAT_REPLY,
                    request.personality().systemInstruction(), history, request.message(), null, null));
            if (first) {
                ask(record, new LlmRequest(record.titleRequestId(), ResponseFanOut.ORIGIN, LlmTask.TITLE,
                        Titles.INSTRUCTION, List.of(), request.message(), null, null));
            }
        } catch (RuntimeException e) {
            live.unregister(record);
            throw e;
        }
        return new Started(record, inbox);
    }

    private void ask(StreamRecord record, LlmRequestEvent request) {
        publisher.publishAndWait(Topics.LLM_REQUESTS,
                EventEnvelope.of(record.conversationId(), record.userId(), record.requestId(), request));
    }

    private static ChatTurn turn(MessageDocument message) {
        return new ChatTurn(MessageDocument.SENDER_AI.equals(message.sender()) ? ChatTurn.MODEL : ChatTurn.USER,
                message.text());
    }
}
