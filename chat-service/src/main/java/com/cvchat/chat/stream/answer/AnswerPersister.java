package com.cvchat.chat.stream.answer;

import com.cvchat.chat.conversation.ConversationCommands;
import com.cvchat.chat.conversation.ConversationDocument;
import com.cvchat.chat.conversation.Conversations;
import com.cvchat.chat.conversation.MessageDocument;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.chat.stream.storage.StreamRecords;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.limits.ModelUsageLimits;
import org.springframework.stereotype.Component;

/**
 * Stores finished answers and generated titles, whether or not a client is still connected. Runs in one consumer
 * group shared by every instance (on {@code llm.outcomes}), so each completion is handled once; a completion delivered twice finds its message
 * (same id, derived from the request id) already stored and changes nothing.
 */
@Component
public class AnswerPersister {

    private final StreamRecords records;
    private final Conversations conversations;
    private final ConversationCommands commands;
    private final ModelUsageLimits limits;

    AnswerPersister(StreamRecords records, Conversations conversations, ConversationCommands commands,
                    ModelUsageLimits limits) {
        this.records = records;
        this.conversations = conversations;
        this.commands = commands;
        this.limits = limits;
    }

    /**
     * Stores what {@code event} ends. {@code streamId} is the correlation id of its request: the id of the stream
     * record (the answer's request id, also for the title's request), so the record is found by its key.
     */
    public void finish(String streamId, LlmResponseEvent event) {
        if (!event.terminal() || streamId == null) {
            return;
        }
        records.byRequestId(streamId).ifPresent(record -> {
            countUsage(record, event);
            if (record.isTitle(event.requestId())) {
                finishTitle(record, event);
            } else if (record.requestId().equals(event.requestId())) {
                finishAnswer(record, event);
            }
        });
    }

    private void countUsage(StreamRecord record, LlmResponseEvent event) {
        if (event instanceof LlmCompleted completed) {
            limits.recordUsage(record.userId(), completed.usage());
        }
    }

    private void finishAnswer(StreamRecord record, LlmResponseEvent event) {
        AnswerEnding ending = AnswerEnding.of(record, event);
        if (ending.storedText() != null) { // a failed answer stores nothing: the client got an error event
            store(record, ending);
        }
        records.finish(record.requestId(), event instanceof LlmCompleted ? StreamRecord.COMPLETED : StreamRecord.FAILED);
    }

    private void store(StreamRecord record, AnswerEnding ending) {
        if (conversations.messageExists(record.messageId()) || !live(record.conversationId())) {
            return;
        }
        commands.addMessage(record.conversationId(), record.userId(), new MessageAdded(record.messageId(),
                MessageDocument.SENDER_AI, ending.storedText(), "text", record.requestId(), ending.category(record)));
    }

    private void finishTitle(StreamRecord record, LlmResponseEvent event) {
        ConversationDocument conversation = conversations.byId(record.conversationId());
        if (conversation == null || conversation.deleted() || conversation.title() != null) {
            return;
        }
        commands.setGeneratedTitle(record.conversationId(), record.userId(), AnswerEnding.title(record, event));
    }

    private boolean live(String conversationId) {
        ConversationDocument conversation = conversations.byId(conversationId);
        return conversation != null && !conversation.deleted();
    }
}
