package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.data.DocType;
import com.cvchat.cvbuilder.data.DocumentShape;
import com.cvchat.cvbuilder.data.Progress;
import com.cvchat.cvbuilder.turn.CvTurnClient;
import com.cvchat.cvbuilder.turn.TurnResult;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.events.conversation.CvMessageAdded;
import com.cvchat.events.conversation.CvSessionStarted;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.cv.DataMerger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starting sessions and taking turns. A turn asks the model first and records nothing if that fails, so a failed
 * turn (no API key, timeout) leaves no trace; then the user message, the data change and the reply are recorded.
 */
@Service
class SessionService {

    private final CvTurnClient turns;
    private final SessionEvents events;
    private final SessionQueries queries;
    private final SessionProperties properties;
    private final Clock clock;

    SessionService(CvTurnClient turns, SessionEvents events, SessionQueries queries, SessionProperties properties,
                   Clock clock) {
        this.turns = turns;
        this.events = events;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    SessionResponses.Started start(String userId, String docTypeName, String initialMessage) {
        DocType docType = DocType.parse(docTypeName);
        checkLength(initialMessage);
        String sessionId = UUID.randomUUID().toString();
        Turn turn = takeTurn(sessionId, userId, docType, docType.shape().emptyData(), List.of(), initialMessage, true,
                text -> { });
        return new SessionResponses.Started(sessionId, turn.reply(), turn.data(), turn.progress().percent(),
                turn.progress().complete());
    }

    SessionResponses.Replied message(String userId, String sessionId, String message) {
        return message(userId, sessionId, message, text -> { });
    }

    /** The checks of a turn that need no model (length, the user's own live session), for a 4xx before a stream opens. */
    void checkTurn(String userId, String sessionId, String message) {
        checkLength(message);
        queries.require(sessionId, userId);
    }

    /** A turn whose reply is also handed to {@code onChunk} piece by piece while it is produced. */
    SessionResponses.Replied message(String userId, String sessionId, String message, Consumer<String> onChunk) {
        checkLength(message);
        SessionState session = queries.require(sessionId, userId);
        DocType docType = DocType.parse(session.docType());
        JsonNode data = session.data() == null ? docType.shape().emptyData() : session.data();
        List<ChatTurn> history = session.history().stream().map(m -> new ChatTurn(m.role(), m.text())).toList();
        Turn turn = takeTurn(sessionId, userId, docType, data, history, message, false, onChunk);
        return new SessionResponses.Replied(sessionId, turn.reply(), turn.data(), turn.progress().percent(),
                turn.progress().complete(), turn.progress().collected(), turn.progress().missing());
    }

    SessionResponses.Details details(String userId, String sessionId) {
        SessionState session = queries.require(sessionId, userId);
        JsonNode data = currentData(session);
        Progress progress = DocType.parse(session.docType()).shape().progress(data);
        return new SessionResponses.Details(session.id(), session.docType(), session.status(),
                session.history().stream().map(SessionResponses.HistoryEntry::of).toList(), data,
                progress.percent(), progress.collected(), session.createdAt(), session.updatedAt(), session.documentId());
    }

    SessionResponses.Sessions list(String userId) {
        return new SessionResponses.Sessions(queries.list(userId).stream()
                .map(s -> new SessionResponses.Summary(s.id(), s.docType(), s.status(), s.progress(), s.updatedAt(),
                        s.documentId(), titleOf(s)))
                .toList());
    }

    /** A name for the session picker: the person's name from the data, or null while there is none. */
    private static String titleOf(SessionState session) {
        JsonNode name = session.data() == null ? null : session.data().path("personal_info").path("full_name");
        return name != null && name.isString() && !name.asString().isBlank() ? name.asString().strip() : null;
    }

    static JsonNode currentData(SessionState session) {
        return session.data() == null ? DocType.parse(session.docType()).shape().emptyData() : session.data();
    }

    private Turn takeTurn(String sessionId, String userId, DocType docType, JsonNode data, List<ChatTurn> history,
                          String message, boolean first, Consumer<String> onChunk) {
        DocumentShape shape = docType.shape();
        Instant userAt = now();
        TurnResult result = turns.ask(new CvTurnClient.TurnQuestion(sessionId, userId, docType, data,
                shape.progress(data).missing(), history, message), onChunk);
        ObjectNode merged = DataMerger.merge(shape.schema(), data, result.patch(), result.remove());
        Progress progress = shape.progress(merged);
        Instant modelAt = later(userAt);
        String turnId = UUID.randomUUID().toString();
        if (first) {
            events.record(sessionId, userId, turnId, new CvSessionStarted(docType.wireName()), userAt);
        }
        events.record(sessionId, userId, turnId, new CvMessageAdded(UUID.randomUUID().toString(), ChatTurn.USER, message), userAt);
        if (first || !merged.equals(data)) {
            events.record(sessionId, userId, turnId,
                    new CvDataUpdated(result.patch(), merged, progress.percent(), progress.collected()), modelAt);
        }
        events.record(sessionId, userId, turnId,
                new CvMessageAdded(UUID.randomUUID().toString(), ChatTurn.MODEL, result.message()), modelAt);
        return new Turn(result.message(), merged, progress);
    }

    private void checkLength(String message) {
        if (message != null && message.length() > properties.maxMessageChars()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                    "Message is too long: at most " + properties.maxMessageChars() + " characters are allowed");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Now, but strictly after {@code before}, so the reply always sorts after the user's message. */
    private Instant later(Instant before) {
        Instant now = now();
        return now.isAfter(before) ? now : before.plusMillis(1);
    }

    private record Turn(String reply, ObjectNode data, Progress progress) {
    }
}
