package com.cvchat.cvbuilder.document;

import com.cvchat.cvbuilder.document.jsonresume.JsonResumeSchema;
import com.cvchat.cvbuilder.document.render.Extract;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.events.json.EventJson;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.cv.CvDataMother;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The documents API over real HTTP, with a real broker and the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class DocumentsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DocumentFinalizer finalizer;

    @Autowired
    EventPublisher publisher;

    private final String user = UUID.randomUUID().toString();
    private ApiClient owner;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "cv");
    }

    @BeforeEach
    void client() {
        owner = documents(user);
    }

    /** {@code /api/v1/documents} as {@code userId} (null: anonymous). */
    private ApiClient documents(String userId) {
        return ApiClient.localUser(port, userId).withBase("http://localhost:" + port + "/api/v1/documents");
    }

    @Test
    void shouldRestoreVersionOneAsVersionThreeKeepingHistory() {
        String session = UUID.randomUUID().toString();
        JsonNode v1 = CvDataMother.fullCv();
        FinalizedDocument doc = finalizer.finalizeSession(user, session, "cv", null, null, v1);
        finalizer.finalizeSession(user, session, "cv", null, null, CvDataMother.fullCv().put("summary", "Changed later"));

        ApiResponse restored = owner.post("/" + doc.id() + "/versions/1/restore", "");

        assertThat(restored.status()).isEqualTo(201);
        assertThat(restored.json().path("document").path("current_version").asInt()).isEqualTo(3);
        JsonNode version3 = owner.get("/" + doc.id() + "/versions/3").json();
        JsonNode version1 = owner.get("/" + doc.id() + "/versions/1").json();
        assertThat(version3.path("cv_data")).isEqualTo(version1.path("cv_data")).isEqualTo(v1);
        assertThat(version3.path("source").asString()).isEqualTo("restore");
        assertThat(version3.path("restored_from").asInt()).isEqualTo(1);
        assertThat(owner.get("/" + doc.id() + "/versions/2").json().path("cv_data").path("summary").asString())
                .isEqualTo("Changed later");
        JsonNode versions = owner.get("/" + doc.id() + "/versions").json();
        assertThat(versions.path("versions").valueStream().map(v -> v.path("version").asInt())).containsExactly(1, 2, 3);
        JsonNode current = owner.get("/" + doc.id()).json();
        assertThat(current.path("cv_data")).isEqualTo(v1);
        assertThat(current.path("document").path("title").asString()).isEqualTo("My cv");
        assertThat(owner.post("/" + doc.id() + "/versions/9/restore", "").status()).isEqualTo(404);
    }

    @Test
    void shouldHideDocumentsFromEveryoneButTheirOwner() {
        FinalizedDocument doc = finalize(CvDataMother.fullCv());
        ApiClient stranger = documents(UUID.randomUUID().toString());

        for (ApiResponse response : new ApiResponse[]{stranger.get("/" + doc.id()),
                stranger.get("/" + doc.id() + "/versions"), stranger.get("/" + doc.id() + "/versions/1"),
                stranger.get("/" + doc.id() + "/export?format=pdf"),
                stranger.post("/" + doc.id() + "/versions/1/restore", ""),
                stranger.patch("/" + doc.id(), "{\"title\": \"Mine now\"}"), stranger.delete("/" + doc.id())}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }
        assertThat(stranger.get("").json().path("total").asInt()).isZero();
        assertThat(documents(null).get("/" + doc.id()).status()).isEqualTo(401);
        assertThat(owner.get("/" + doc.id()).json().path("document").path("title").asString()).isEqualTo("My cv");
    }

    @Test
    void shouldListDocumentsPageByPageNewestFirst() {
        FinalizedDocument first = finalize(CvDataMother.fullCv());
        FinalizedDocument second = finalize(CvDataMother.fullCv());
        FinalizedDocument third = finalize(CvDataMother.fullCv());

        JsonNode page1 = owner.get("?page=1&size=2").json();
        JsonNode page2 = owner.get("?page=2&size=2").json();

        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(page1.path("total_pages").asInt()).isEqualTo(2);
        assertThat(page1.path("documents").valueStream().map(d -> d.path("id").asString()))
                .containsExactly(third.id(), second.id());
        assertThat(page2.path("documents").valueStream().map(d -> d.path("id").asString())).containsExactly(first.id());
        assertThat(owner.get("?size=1000").status()).isEqualTo(400);
        assertThat(owner.get("?page=0").status()).isEqualTo(400);
    }

    @Test
    void shouldRenameChangeTemplateAndDelete() {
        FinalizedDocument doc = finalize(CvDataMother.fullCv());

        ApiResponse renamed = owner.patch("/" + doc.id(),
                "{\"title\": \"Иван Петров — CV 2026\", \"template_code\": \"modern\"}");
        ApiResponse unknown = owner.patch("/" + doc.id(), "{\"template_code\": \"fancy\"}");
        ApiResponse empty = owner.patch("/" + doc.id(), "{}");

        assertThat(renamed.status()).isEqualTo(200);
        JsonNode document = renamed.json().path("document");
        assertThat(document.path("slug").asString()).isEqualTo("иван-петров-cv-2026");
        assertThat(document.path("template_code").asString()).isEqualTo("modern");
        assertThat(document.path("current_version").asInt()).as("metadata changes add no version").isEqualTo(1);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").asString())
                .isEqualTo("Unknown template 'fancy'. Available templates: default, professional, modern");
        assertThat(empty.status()).isEqualTo(400);

        assertThat(owner.delete("/" + doc.id()).status()).isEqualTo(204);
        assertThat(owner.get("/" + doc.id()).status()).isEqualTo(404);
        assertThat(owner.delete("/" + doc.id()).status()).isEqualTo(404);
        assertThat(owner.get("").json().path("total").asInt()).isZero();
    }

    @Test
    void shouldExportPdfDocxHtmlAndJsonResumeAsDownloadsNamedAfterTheSlug() {
        FinalizedDocument doc = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv",
                "Sarah Johnson - Data Scientist CV", "professional", CvDataMother.fullCv());
        String export = "/" + doc.id() + "/export?format=";

        ApiResponse pdf = owner.get(export + "pdf");
        ApiResponse docx = owner.get(export + "docx&template=modern");
        ApiResponse html = owner.get(export + "html");
        ApiResponse json = owner.get(export + "json-resume&version=1");

        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("sarah-johnson-data-scientist-cv.pdf");
        assertThat(Extract.pdfText(pdf.bytes())).contains(CvDataMother.NAME, "Senior Data Scientist", "Data Analyst",
                "Master of Science", "Bachelor of Arts");
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sarah-johnson-data-scientist-cv.docx");
        assertThat(Extract.docxText(docx.bytes())).contains(CvDataMother.NAME, "Data Analyst", "Bachelor of Arts");
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(new String(html.bytes(), StandardCharsets.UTF_8)).contains("template-professional", CvDataMother.NAME);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sarah-johnson-data-scientist-cv-v1.json");
        assertThat(new JsonResumeSchema().problems(EventJson.mapper().readTree(json.bytes()))).isEmpty();

        assertThat(owner.get(export + "odt").status()).isEqualTo(400);
        assertThat(owner.get(export + "pdf&template=fancy").status()).isEqualTo(400);
        assertThat(owner.get(export + "pdf&version=7").status()).isEqualTo(404);
        assertThat(owner.get("/" + doc.id() + "/export").status()).isEqualTo(400);
    }

    @Test
    void shouldImportAnExportedJsonResumeBackToTheSameCvData() {
        JsonNode cv = CvDataMother.cv("Zoë Ångström-Núñez", "Инженер", "Société Générale", "Διδάκτωρ", "東京大学");
        FinalizedDocument doc = finalize(cv);
        String exported = new String(owner.get("/" + doc.id() + "/export?format=json-resume").bytes(),
                StandardCharsets.UTF_8);

        ApiResponse imported = owner.post("/import", exported);

        assertThat(imported.status()).isEqualTo(201);
        JsonNode body = imported.json();
        assertThat(body.path("cv_data")).isEqualTo(cv);
        assertThat(body.path("document").path("title").asString()).isEqualTo("Zoë Ångström-Núñez CV");
        assertThat(body.path("document").path("current_version").asInt()).isEqualTo(1);
        String id = body.path("document").path("id").asString();
        assertThat(owner.get("/" + id).json().path("cv_data")).isEqualTo(cv);
    }

    @Test
    void shouldRejectAnInvalidJsonResumeNamingTheProblem() {
        ApiResponse badEmail = owner.post("/import", "{\"basics\": {\"name\": \"Sarah\", \"email\": \"nope\"}}");
        ApiResponse noName = owner.post("/import", "{\"basics\": {\"label\": \"Engineer\"}}");
        ApiResponse notObject = owner.post("/import", "[1, 2]");
        ApiResponse notJson = owner.post("/import", "{basics:");

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("error").asString())
                .startsWith("Invalid JSON Resume: /basics/email: does not match the email pattern");
        assertThat(noName.json().path("error").asString())
                .isEqualTo("Invalid JSON Resume: basics.name is required");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(owner.get("").json().path("total").asInt()).isZero();
    }

    @Test
    void shouldExportACoverLetterButNotAsJsonResume() {
        FinalizedDocument letter = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cover_letter", null,
                null, CvDataMother.coverLetter("Ελένη Παπαδοπούλου"));

        ApiResponse pdf = owner.get("/" + letter.id() + "/export?format=pdf");
        ApiResponse json = owner.get("/" + letter.id() + "/export?format=json-resume");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("my-cover-letter.pdf");
        assertThat(Extract.pdfText(pdf.bytes())).contains("Ελένη Παπαδοπούλου", "Acme Analytics", "Dear Ms. Smith,");
        assertThat(json.status()).isEqualTo(400);
    }

    @Test
    void shouldApplyADocumentEventThatReachedTheLogButNotTheReadModel() {
        String id = UUID.randomUUID().toString();
        DocumentVersionCreated event = new DocumentVersionCreated(id, 1, "cv", "Recovered CV", "recovered-cv", "modern",
                CvDataMother.fullCv(), "finalize", UUID.randomUUID().toString(), null);

        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, user, "crash-test", event));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiResponse response = owner.get("/" + id);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("document").path("title").asString()).isEqualTo("Recovered CV");
        });
    }

    private FinalizedDocument finalize(JsonNode data) {
        return finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv", null, null, data);
    }
}
