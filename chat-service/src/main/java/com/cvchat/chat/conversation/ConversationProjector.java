package com.cvchat.chat.conversation;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.ConversationDeleted;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.platform.replay.ConversationEventApplier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The only writer of the chat read model: applies {@code chat.*} events of {@code conversation.events}. Idempotent and
 * order-safe — applying an event twice, or an older event after a newer one, leaves the same state:
 * <ul>
 *   <li>created and message-added only insert ({@code $setOnInsert}, keyed by the event's ids);</li>
 *   <li>a deletion leaves a tombstone, and nothing is added to a tombstoned conversation;</li>
 *   <li>a rename applies only if it is newer than the current title; a generated title only while there is none.</li>
 * </ul>
 * Other events of the topic (cv.*, document.*, voice.*) are ignored. Free of HTTP concerns so that the audit can
 * rebuild the database from the log with it.
 */
@Component
public class ConversationProjector implements ConversationEventApplier {

    private final MongoTemplate mongo;

    public ConversationProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True for the {@code chat.*} events, the ones this projector applies. */
    @Override
    public boolean accepts(ConversationEvent payload) {
        return payload instanceof ConversationCreated || payload instanceof MessageAdded
                || payload instanceof TitleSet || payload instanceof ConversationDeleted;
    }

    @Override
    public void apply(EventEnvelope<? extends ConversationEvent> envelope) {
        String id = envelope.conversationId();
        switch (envelope.payload()) {
            case ConversationCreated created -> mongo.upsert(byId(id), new Update()
                    .setOnInsert(ConversationDocument.USER_ID, envelope.userId())
                    .setOnInsert(ConversationDocument.TITLE, created.title())
                    .setOnInsert(ConversationDocument.TITLE_AT, created.title() == null ? null : envelope.occurredAt())
                    .setOnInsert(ConversationDocument.CHANNEL, created.channel())
                    .setOnInsert(ConversationDocument.CREATED_AT, envelope.occurredAt())
                    .setOnInsert(ConversationDocument.DELETED, false)
                    .setOnInsert(ConversationDocument.MESSAGE_COUNT, 0L), ConversationDocument.class);
            case MessageAdded added -> addMessage(envelope, added);
            case TitleSet title -> setTitle(envelope, title);
            case ConversationDeleted ignored -> {
                // its messages go, and so does their count (a replay that cannot read erased messages agrees)
                mongo.upsert(byId(id), new Update().set(ConversationDocument.DELETED, true)
                        .set(ConversationDocument.MESSAGE_COUNT, 0L), ConversationDocument.class);
                mongo.remove(new Query(where(MessageDocument.CONVERSATION_ID).is(id)), MessageDocument.class);
            }
            default -> {
                // not a chat event
            }
        }
    }

    private void addMessage(EventEnvelope<?> envelope, MessageAdded added) {
        if (!mongo.exists(live(envelope.conversationId()), ConversationDocument.class)) {
            return;
        }
        boolean stored = mongo.upsert(new Query(where("_id").is(added.messageId())), new Update()
                .setOnInsert(MessageDocument.CONVERSATION_ID, envelope.conversationId())
                .setOnInsert("sender", added.sender())
                .setOnInsert("text", added.text())
                .setOnInsert("channel", added.channel())
                .setOnInsert("requestId", added.requestId())
                .setOnInsert("disclaimerCategory", added.disclaimerCategory())
                .setOnInsert(MessageDocument.CREATED_AT, envelope.occurredAt()), MessageDocument.class)
                .getUpsertedId() != null;
        if (stored) { // counted once, when the message is first stored (a replayed event stores nothing)
            mongo.updateFirst(new Query(where("_id").is(envelope.conversationId())
                            .and(ConversationDocument.MESSAGE_COUNT).exists(true)),
                    new Update().inc(ConversationDocument.MESSAGE_COUNT, 1), ConversationDocument.class);
        }
    }

    private void setTitle(EventEnvelope<?> envelope, TitleSet title) {
        Query query = live(envelope.conversationId());
        if (title.generated()) {
            query.addCriteria(where(ConversationDocument.TITLE).is(null));
        } else {
            query.addCriteria(new Criteria().orOperator(
                    where(ConversationDocument.TITLE_AT).is(null),
                    where(ConversationDocument.TITLE_AT).lt(envelope.occurredAt())));
        }
        mongo.updateFirst(query, new Update()
                .set(ConversationDocument.TITLE, title.title())
                .set(ConversationDocument.TITLE_AT, envelope.occurredAt()), ConversationDocument.class);
    }

    private static Query byId(String id) {
        return new Query(where("_id").is(id));
    }

    private static Query live(String id) {
        return new Query(where("_id").is(id).and(ConversationDocument.DELETED).is(false));
    }
}
