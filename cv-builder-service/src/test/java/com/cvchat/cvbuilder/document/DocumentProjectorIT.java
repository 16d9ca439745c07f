package com.cvchat.cvbuilder.document;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.DocumentDeleted;
import com.cvchat.events.conversation.DocumentUpdated;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.cv.CvDataMother;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector on the embedded store: replays in any order, and twice, give the same read model. */
class DocumentProjectorIT {

    private final String user = UUID.randomUUID().toString();
    private final String doc = UUID.randomUUID().toString();
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final List<MongoClient> clients = new ArrayList<>();
    private final Map<DocumentProjector, MongoTemplate> templates = new IdentityHashMap<>();

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    @Test
    void shouldGiveTheSameStateWhenEventsAreAppliedTwiceOrOutOfOrder() {
        List<EventEnvelope<? extends ConversationEvent>> history = List.of(
                at(0, version(1, "My cv", "default")),
                at(1, version(2, "My cv", "default")),
                at(2, new DocumentUpdated(doc, "Sarah Johnson CV", "sarah-johnson-cv", "modern")),
                at(3, version(3, "Sarah Johnson CV", "modern")));

        DocumentProjector inOrder = projector();
        history.forEach(inOrder::apply);
        DocumentProjector twice = projector();
        history.forEach(twice::apply);
        history.forEach(twice::apply);
        DocumentProjector reversed = projector();
        history.reversed().forEach(reversed::apply);

        DocumentRecord expected = read(inOrder);
        assertThat(expected.currentVersion()).isEqualTo(3);
        assertThat(expected.title()).isEqualTo("Sarah Johnson CV");
        assertThat(expected.templateCode()).isEqualTo("modern");
        assertThat(expected.createdAt()).isEqualTo(t0);
        assertThat(expected.updatedAt()).isEqualTo(t0.plusSeconds(3));
        assertThat(read(twice)).isEqualTo(expected);
        assertThat(read(reversed)).isEqualTo(expected);
        assertThat(versions(twice)).isEqualTo(versions(inOrder)).hasSize(3);
        assertThat(versions(reversed)).isEqualTo(versions(inOrder));
    }

    @Test
    void shouldNotBringBackADeletedDocumentWhenAnOlderEventArrivesLate() {
        DocumentProjector projector = projector();
        projector.apply(at(0, version(1, "My cv", "default")));
        projector.apply(at(2, new DocumentDeleted(doc)));
        projector.apply(at(1, version(2, "My cv", "default")));

        assertThat(read(projector).deleted()).isTrue();
        assertThat(versions(projector)).isEmpty();
    }

    private DocumentVersionCreated version(int n, String title, String template) {
        return new DocumentVersionCreated(doc, n, "cv", title, Slugs.of(title, "cv"), template,
                CvDataMother.fullCv().put("summary", "version " + n), "finalize", "session-1", null);
    }

    private EventEnvelope<ConversationEvent> at(int seconds, ConversationEvent event) {
        return EventEnvelope.of(doc, user, "corr", event, t0.plusSeconds(seconds));
    }

    private MongoTemplate mongoOf(DocumentProjector projector) {
        return templates.get(projector);
    }

    /** A projector on a database of its own. */
    private DocumentProjector projector() {
        MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        clients.add(client);
        MongoTemplate mongo = new MongoTemplate(client, "projector-" + UUID.randomUUID());
        DocumentProjector projector = new DocumentProjector(mongo);
        templates.put(projector, mongo);
        return projector;
    }

    private DocumentRecord read(DocumentProjector projector) {
        return mongoOf(projector).findById(doc, DocumentRecord.class);
    }

    private List<String> versions(DocumentProjector projector) {
        return mongoOf(projector).findAll(DocumentVersionRecord.class).stream()
                .map(v -> v.version() + ":" + v.title() + ":" + v.templateCode() + ":" + v.data().toJson())
                .sorted().toList();
    }
}
