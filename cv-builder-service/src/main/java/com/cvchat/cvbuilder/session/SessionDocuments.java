package com.cvchat.cvbuilder.session;

import com.cvchat.events.json.EventJson;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;

/** Maps {@link SessionState} to and from its MongoDB document (collection {@code cv_sessions}). */
final class SessionDocuments {

    static final String COLLECTION = "cv_sessions";

    private SessionDocuments() {
    }

    static Document toDocument(SessionState state) {
        return new Document("_id", state.id())
                .append("user_id", state.userId())
                .append("doc_type", state.docType())
                .append("status", state.status())
                .append("created_at", date(state.createdAt()))
                .append("updated_at", date(state.updatedAt()))
                .append("data", state.data() == null ? null : Document.parse(EventJson.mapper().writeValueAsString(state.data())))
                .append("data_at", date(state.dataAt()))
                .append("progress", state.progress())
                .append("fields_collected", state.fieldsCollected())
                .append("history", state.history().stream().map(SessionDocuments::message).toList())
                .append("document_id", state.documentId())
                .append("document_version", state.documentVersion())
                .append("applied_events", state.appliedEvents().stream().sorted().toList()) // a set: canonical order
                .append("revision", state.revision());
    }

    static SessionState fromDocument(Document doc) {
        Document data = doc.get("data", Document.class);
        return new SessionState(
                doc.getString("_id"),
                doc.getString("user_id"),
                doc.getString("doc_type"),
                doc.getString("status"),
                instant(doc.getDate("created_at")),
                instant(doc.getDate("updated_at")),
                data == null ? null : EventJson.mapper().readTree(data.toJson()),
                instant(doc.getDate("data_at")),
                doc.getInteger("progress", 0),
                doc.getList("fields_collected", String.class, List.of()),
                doc.getList("history", Document.class, List.of()).stream().map(SessionDocuments::message).toList(),
                doc.getString("document_id"),
                doc.getInteger("document_version", 0),
                new HashSet<>(doc.getList("applied_events", String.class, List.of())),
                ((Number) doc.get("revision", 0L)).longValue());
    }

    private static Document message(HistoryMessage message) {
        return new Document("message_id", message.messageId())
                .append("role", message.role())
                .append("text", message.text())
                .append("timestamp", date(message.timestamp()));
    }

    private static HistoryMessage message(Document doc) {
        return new HistoryMessage(doc.getString("message_id"), doc.getString("role"), doc.getString("text"),
                instant(doc.getDate("timestamp")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
