package com.cvchat.cvbuilder.document;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.cv.CvDataMother;
import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bean the session's finalize endpoint calls: documents, versions and their events on a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class DocumentFinalizerIT {

    @Autowired
    DocumentFinalizer finalizer;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "cv");
    }

    @Test
    void shouldCreateVersionOneThenAddVersionsForTheSameSession() {
        String user = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();

        FinalizedDocument first = finalizer.finalizeSession(user, session, "cv", null, null, CvDataMother.fullCv());
        FinalizedDocument second = finalizer.finalizeSession(user, session, "cv", "Sarah Johnson - Data Scientist CV",
                "professional", CvDataMother.fullCv());
        FinalizedDocument third = finalizer.finalizeSession(user, session, "cv", null, null, CvDataMother.fullCv());

        assertThat(first.currentVersion()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("My cv");
        assertThat(first.slug()).isEqualTo("my-cv");
        assertThat(first.userId()).isEqualTo(user);
        assertThat(first.docType()).isEqualTo("cv");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.currentVersion()).isEqualTo(2);
        assertThat(second.slug()).isEqualTo("sarah-johnson-data-scientist-cv");
        assertThat(third.currentVersion()).isEqualTo(3);
        assertThat(third.title()).as("a later finalize without a title keeps the title").isEqualTo(second.title());
        assertThat(third.mongoDocumentId()).isNotEqualTo(first.mongoDocumentId());
        assertThat(third.createdAt()).isEqualTo(first.createdAt());
        assertThat(third.updatedAt()).isAfterOrEqualTo(second.updatedAt());
    }

    @Test
    void shouldPublishOneVersionCreatedEventPerFinalizeKeyedByDocumentId() {
        String user = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();

        FinalizedDocument first = finalizer.finalizeSession(user, session, "cover_letter", null, "modern",
                CvDataMother.coverLetter("Sarah Johnson"));
        finalizer.finalizeSession(user, session, "cover_letter", null, null, CvDataMother.coverLetter("Sarah Johnson"));

        List<EventEnvelope<EventPayload>> events = ConversationLog.eventsOf(first.id());
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("document.version-created", "document.version-created");
        assertThat(events).allSatisfy(e -> assertThat(e.userId()).isEqualTo(user));
        DocumentVersionCreated v1 = (DocumentVersionCreated) events.get(0).payload();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.title()).isEqualTo("My cover_letter");
        assertThat(v1.templateCode()).isEqualTo("modern");
        assertThat(v1.source()).isEqualTo("finalize");
        assertThat(v1.sessionId()).isEqualTo(session);
        assertThat(v1.data().path("company").path("name").asString()).isEqualTo("Acme Analytics");
        assertThat(((DocumentVersionCreated) events.get(1).payload()).version()).isEqualTo(2);
    }

    @Test
    void shouldRejectAnUnknownTemplateListingTheAvailableOnes() {
        assertThatThrownBy(() -> finalizer.finalizeSession(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "cv", null, "fancy", CvDataMother.fullCv()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("fancy").contains("default, professional, modern");
                });
    }

    @Test
    void shouldIndexTheCollectionsTheQueriesUse() {
        assertThat(mongo.indexOps(DocumentRecord.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("owner_recent", "owner_session");
        assertThat(mongo.indexOps(DocumentVersionRecord.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("document_version");
    }

    @Test
    void shouldKeepDocumentsOfDifferentSessionsApart() {
        String user = UUID.randomUUID().toString();
        FinalizedDocument a = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv", null, null,
                CvDataMother.fullCv());
        FinalizedDocument b = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv", null, null,
                CvDataMother.fullCv());

        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.currentVersion()).isEqualTo(1);
    }
}
