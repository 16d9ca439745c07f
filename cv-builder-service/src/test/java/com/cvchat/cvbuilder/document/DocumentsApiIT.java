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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
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
    private DocumentsApi owner;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "cv");
    }

    @BeforeEach
    void client() {
        owner = new DocumentsApi(port, user);
    }

    @Test
    void shouldRestoreVersionOneAsVersionThreeKeepingHistory() {
        String session = UUID.randomUUID().toString();
        JsonNode v1 = CvDataMother.fullCv();
        FinalizedDocument doc = finalizer.finalizeSession(user, session, "cv", null, null, v1);
        finalizer.finalizeSession(user, session, "cv", null, null, CvDataMother.fullCv().put("summary", "Changed later"));

        HttpResponse<String> restored = owner.post("/" + doc.id() + "/versions/1/restore", "");

        assertThat(restored.statusCode()).isEqualTo(201);
        assertThat(DocumentsApi.json(restored).path("document").path("current_version").asInt()).isEqualTo(3);
        JsonNode version3 = DocumentsApi.json(owner.get("/" + doc.id() + "/versions/3"));
        JsonNode version1 = DocumentsApi.json(owner.get("/" + doc.id() + "/versions/1"));
        assertThat(version3.path("cv_data")).isEqualTo(version1.path("cv_data")).isEqualTo(v1);
        assertThat(version3.path("source").asString()).isEqualTo("restore");
        assertThat(version3.path("restored_from").asInt()).isEqualTo(1);
        assertThat(DocumentsApi.json(owner.get("/" + doc.id() + "/versions/2")).path("cv_data").path("summary").asString())
                .isEqualTo("Changed later");
        JsonNode versions = DocumentsApi.json(owner.get("/" + doc.id() + "/versions"));
        assertThat(versions.path("versions").valueStream().map(v -> v.path("version").asInt())).containsExactly(1, 2, 3);
        JsonNode current = DocumentsApi.json(owner.get("/" + doc.id()));
        assertThat(current.path("cv_data")).isEqualTo(v1);
        assertThat(current.path("document").path("title").asString()).isEqualTo("My cv");
        assertThat(owner.post("/" + doc.id() + "/versions/9/restore", "").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldHideDocumentsFromEveryoneButTheirOwner() {
        FinalizedDocument doc = finalize(CvDataMother.fullCv());
        DocumentsApi stranger = new DocumentsApi(port, UUID.randomUUID().toString());

        for (HttpResponse<?> response : new HttpResponse<?>[]{stranger.get("/" + doc.id()),
                stranger.get("/" + doc.id() + "/versions"), stranger.get("/" + doc.id() + "/versions/1"),
                stranger.download("/" + doc.id() + "/export?format=pdf"),
                stranger.post("/" + doc.id() + "/versions/1/restore", ""),
                stranger.patch("/" + doc.id(), "{\"title\": \"Mine now\"}"), stranger.delete("/" + doc.id())}) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(404);
        }
        assertThat(DocumentsApi.json(stranger.get("")).path("total").asInt()).isZero();
        assertThat(new DocumentsApi(port, null).get("/" + doc.id()).statusCode()).isEqualTo(401);
        assertThat(DocumentsApi.json(owner.get("/" + doc.id())).path("document").path("title").asString()).isEqualTo("My cv");
    }

    @Test
    void shouldListDocumentsPageByPageNewestFirst() {
        FinalizedDocument first = finalize(CvDataMother.fullCv());
        FinalizedDocument second = finalize(CvDataMother.fullCv());
        FinalizedDocument third = finalize(CvDataMother.fullCv());

        JsonNode page1 = DocumentsApi.json(owner.get("?page=1&size=2"));
        JsonNode page2 = DocumentsApi.json(owner.get("?page=2&size=2"));

        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(page1.path("total_pages").asInt()).isEqualTo(2);
        assertThat(page1.path("documents").valueStream().map(d -> d.path("id").asString()))
                .containsExactly(third.id(), second.id());
        assertThat(page2.path("documents").valueStream().map(d -> d.path("id").asString())).containsExactly(first.id());
        assertThat(owner.get("?size=1000").statusCode()).isEqualTo(400);
        assertThat(owner.get("?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRenameChangeTemplateAndDelete() {
        FinalizedDocument doc = finalize(CvDataMother.fullCv());

        HttpResponse<String> renamed = owner.patch("/" + doc.id(),
                "{\"title\": \"Иван Петров — CV 2026\", \"template_code\": \"modern\"}");
        HttpResponse<String> unknown = owner.patch("/" + doc.id(), "{\"template_code\": \"fancy\"}");
        HttpResponse<String> empty = owner.patch("/" + doc.id(), "{}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        JsonNode document = DocumentsApi.json(renamed).path("document");
        assertThat(document.path("slug").asString()).isEqualTo("иван-петров-cv-2026");
        assertThat(document.path("template_code").asString()).isEqualTo("modern");
        assertThat(document.path("current_version").asInt()).as("metadata changes add no version").isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(DocumentsApi.json(unknown).path("error").asString())
                .isEqualTo("Unknown template 'fancy'. Available templates: default, professional, modern");
        assertThat(empty.statusCode()).isEqualTo(400);

        assertThat(owner.delete("/" + doc.id()).statusCode()).isEqualTo(204);
        assertThat(owner.get("/" + doc.id()).statusCode()).isEqualTo(404);
        assertThat(owner.delete("/" + doc.id()).statusCode()).isEqualTo(404);
        assertThat(DocumentsApi.json(owner.get("")).path("total").asInt()).isZero();
    }

    @Test
    void shouldExportPdfDocxHtmlAndJsonResumeAsDownloadsNamedAfterTheSlug() {
        FinalizedDocument doc = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv",
                "Sarah Johnson - Data Scientist CV", "professional", CvDataMother.fullCv());
        String export = "/" + doc.id() + "/export?format=";

        HttpResponse<byte[]> pdf = owner.download(export + "pdf");
        HttpResponse<byte[]> docx = owner.download(export + "docx&template=modern");
        HttpResponse<byte[]> html = owner.download(export + "html");
        HttpResponse<byte[]> json = owner.download(export + "json-resume&version=1");

        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("sarah-johnson-data-scientist-cv.pdf");
        assertThat(Extract.pdfText(pdf.body())).contains(CvDataMother.NAME, "Senior Data Scientist", "Data Analyst",
                "Master of Science", "Bachelor of Arts");
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sarah-johnson-data-scientist-cv.docx");
        assertThat(Extract.docxText(docx.body())).contains(CvDataMother.NAME, "Data Analyst", "Bachelor of Arts");
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("template-professional", CvDataMother.NAME);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sarah-johnson-data-scientist-cv-v1.json");
        assertThat(new JsonResumeSchema().problems(EventJson.mapper().readTree(json.body()))).isEmpty();

        assertThat(owner.download(export + "odt").statusCode()).isEqualTo(400);
        assertThat(owner.download(export + "pdf&template=fancy").statusCode()).isEqualTo(400);
        assertThat(owner.download(export + "pdf&version=7").statusCode()).isEqualTo(404);
        assertThat(owner.download("/" + doc.id() + "/export").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldImportAnExportedJsonResumeBackToTheSameCvData() {
        JsonNode cv = CvDataMother.cv("Zoë Ångström-Núñez", "Инженер", "Société Générale", "Διδάκτωρ", "東京大学");
        FinalizedDocument doc = finalize(cv);
        String exported = new String(owner.download("/" + doc.id() + "/export?format=json-resume").body(),
                StandardCharsets.UTF_8);

        HttpResponse<String> imported = owner.post("/import", exported);

        assertThat(imported.statusCode()).isEqualTo(201);
        JsonNode body = DocumentsApi.json(imported);
        assertThat(body.path("cv_data")).isEqualTo(cv);
        assertThat(body.path("document").path("title").asString()).isEqualTo("Zoë Ångström-Núñez CV");
        assertThat(body.path("document").path("current_version").asInt()).isEqualTo(1);
        String id = body.path("document").path("id").asString();
        assertThat(DocumentsApi.json(owner.get("/" + id)).path("cv_data")).isEqualTo(cv);
    }

    @Test
    void shouldRejectAnInvalidJsonResumeNamingTheProblem() {
        HttpResponse<String> badEmail = owner.post("/import", "{\"basics\": {\"name\": \"Sarah\", \"email\": \"nope\"}}");
        HttpResponse<String> noName = owner.post("/import", "{\"basics\": {\"label\": \"Engineer\"}}");
        HttpResponse<String> notObject = owner.post("/import", "[1, 2]");
        HttpResponse<String> notJson = owner.post("/import", "{basics:");

        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(DocumentsApi.json(badEmail).path("error").asString())
                .startsWith("Invalid JSON Resume: /basics/email: does not match the email pattern");
        assertThat(DocumentsApi.json(noName).path("error").asString())
                .isEqualTo("Invalid JSON Resume: basics.name is required");
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(DocumentsApi.json(owner.get("")).path("total").asInt()).isZero();
    }

    @Test
    void shouldExportACoverLetterButNotAsJsonResume() {
        FinalizedDocument letter = finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cover_letter", null,
                null, CvDataMother.coverLetter("Ελένη Παπαδοπούλου"));

        HttpResponse<byte[]> pdf = owner.download("/" + letter.id() + "/export?format=pdf");
        HttpResponse<byte[]> json = owner.download("/" + letter.id() + "/export?format=json-resume");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("my-cover-letter.pdf");
        assertThat(Extract.pdfText(pdf.body())).contains("Ελένη Παπαδοπούλου", "Acme Analytics", "Dear Ms. Smith,");
        assertThat(json.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldApplyADocumentEventThatReachedTheLogButNotTheReadModel() {
        String id = UUID.randomUUID().toString();
        DocumentVersionCreated event = new DocumentVersionCreated(id, 1, "cv", "Recovered CV", "recovered-cv", "modern",
                CvDataMother.fullCv(), "finalize", UUID.randomUUID().toString(), null);

        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, user, "crash-test", event));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = owner.get("/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(DocumentsApi.json(response).path("document").path("title").asString()).isEqualTo("Recovered CV");
        });
    }

    private FinalizedDocument finalize(JsonNode data) {
        return finalizer.finalizeSession(user, UUID.randomUUID().toString(), "cv", null, null, data);
    }
}
