package com.cvchat.cvbuilder.document.render;

import com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper;
import com.cvchat.cvbuilder.document.template.TemplateCatalog;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every format of every template, read back as a person's tools read it. Files are kept in target/previews. */
class DocumentRenderingTest {

    static final Path PREVIEWS = Path.of("target", "previews");

    static final RenderPool POOL = new RenderPool(2, 8, java.time.Duration.ofSeconds(60));
    static final HtmlRenderer HTML = new HtmlRenderer();
    static final DocumentExporter EXPORTER = new DocumentExporter(HTML, new PdfRenderer(HTML), new DocxRenderer(),
            new JsonResumeMapper(), POOL);

    @AfterAll
    static void stop() {
        POOL.stop();
    }

    static List<String> templates() {
        return TemplateCatalog.CODES;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void shouldPutTheNameEveryJobTitleAndEveryDegreeInThePdf(String template) throws IOException {
        byte[] pdf = EXPORTER.export(ExportFormat.PDF, cv(template, CvDataMother.fullCv()));
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("cv-" + template + ".pdf"), pdf);

        String text = Extract.pdfText(pdf);
        assertThat(Extract.pdfPages(pdf)).isEqualTo(1);
        assertThat(text).contains(CvDataMother.NAME);
        CvDataMother.JOB_TITLES.forEach(title -> assertThat(text).contains(title));
        CvDataMother.DEGREES.forEach(degree -> assertThat(text).contains(degree));
        assertThat(text).contains("Massachusetts Institute of Technology", "Led a team of five building demand forecasts",
                "Churn predictor", "Employee of the Year 2022", "Spanish (fluent)", "03/2020 – Present");
    }

    @Test
    void shouldServeABurstOfConcurrentExportsThatFillsThePoolAndItsQueue() {
        // two render threads and room for four more: six exports at once all fit, none is refused as busy
        RenderPool pool = new RenderPool(2, 4, java.time.Duration.ofSeconds(60));
        DocumentExporter exporter = new DocumentExporter(HTML, new PdfRenderer(HTML), new DocxRenderer(),
                new JsonResumeMapper(), pool);
        RenderRequest request = cv("modern", CvDataMother.fullCv());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> exports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                exports.add(clients.submit(() -> exporter.export(ExportFormat.DOCX, request)));
            }
            for (Future<byte[]> export : exports) {
                assertThat(Extract.docxText(export.get(2, TimeUnit.MINUTES))).contains(CvDataMother.NAME);
            }
        } catch (Exception e) {
            throw new AssertionError("an export of the burst failed", e);
        } finally {
            pool.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void shouldPutTheNameEveryJobTitleAndEveryDegreeInTheDocx(String template) throws IOException {
        byte[] docx = EXPORTER.export(ExportFormat.DOCX, cv(template, CvDataMother.fullCv()));
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("cv-" + template + ".docx"), docx);
        String text = Extract.docxText(docx);

        assertThat(text).contains(CvDataMother.NAME);
        CvDataMother.JOB_TITLES.forEach(title -> assertThat(text).contains(title));
        CvDataMother.DEGREES.forEach(degree -> assertThat(text).contains(degree));
        assertThat(text).contains("Massachusetts Institute of Technology", "Cut model training time by 60%",
                "AWS Certified Machine Learning", "03/2020 – Present");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void shouldRenderAStandaloneHtmlPageWithTheTemplateStyles(String template) {
        String html = new String(EXPORTER.export(ExportFormat.HTML, cv(template, CvDataMother.fullCv())),
                StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("template-" + template)
                .contains(CvDataMother.NAME).contains("Data Analyst").contains("Bachelor of Arts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ångström-Núñez", "Иван Петрович Сидоров", "Ελένη Παπαδοπούλου", "李小龍"})
    void shouldKeepAccentedAndNonLatinNamesInEveryFormat(String name) throws IOException {
        RenderRequest request = cv("default", CvDataMother.cv(name, "Инженер-программист", "Société Générale",
                "Διδάκτωρ", "東京大学"));
        byte[] pdf = EXPORTER.export(ExportFormat.PDF, request);
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("cv-international-" + Integer.toHexString(name.hashCode()) + ".pdf"), pdf);

        for (String text : List.of(Extract.pdfText(pdf),
                Extract.docxText(EXPORTER.export(ExportFormat.DOCX, request)),
                new String(EXPORTER.export(ExportFormat.HTML, request), StandardCharsets.UTF_8),
                new String(EXPORTER.export(ExportFormat.JSON_RESUME, request), StandardCharsets.UTF_8))) {
            assertThat(text).contains(name, "Инженер-программист", "Société Générale", "Διδάκτωρ", "東京大学");
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void shouldRenderACoverLetterInPdfDocxAndHtml(String template) throws IOException {
        RenderRequest letter = new RenderRequest(DocumentKind.COVER_LETTER, template, "Cover letter",
                CvDataMother.coverLetter("Zoë Ångström"));
        byte[] pdf = EXPORTER.export(ExportFormat.PDF, letter);
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("cover-letter-" + template + ".pdf"), pdf);

        for (String text : List.of(Extract.pdfText(pdf), Extract.docxText(EXPORTER.export(ExportFormat.DOCX, letter)),
                new String(EXPORTER.export(ExportFormat.HTML, letter), StandardCharsets.UTF_8))) {
            assertThat(text).contains("Zoë Ångström", "Ms. Dana Smith", "Acme Analytics", "1 Main Street, Springfield",
                    "Dear Ms. Smith,",
                    "Application for Lead Data Scientist", "cut forecast error by a third", "Sincerely,");
        }
    }

    @Test
    void shouldReadALooserCoverLetterWithPlainStringsAndDefaults() {
        JsonNode letter = com.cvchat.events.json.EventJson.mapper().readTree("""
                {"personal_info": {"full_name": "Sarah Johnson"}, "recipient": "Hiring team", "company": "Acme",
                 "body": "First paragraph.\\n\\nSecond paragraph."}
                """);

        CoverLetterView view = CoverLetterView.of(letter);

        assertThat(view.recipientLines()).containsExactly("Hiring team", "Acme");
        assertThat(view.paragraphs()).containsExactly("First paragraph.", "Second paragraph.");
        assertThat(view.opening()).isEqualTo("Dear Hiring Manager,");
        assertThat(view.closing()).isEqualTo("Sincerely,");
        assertThat(view.signature()).isEqualTo("Sarah Johnson");
    }

    @Test
    void shouldRenderAnEmptyCvWithoutFailing() {
        JsonNode empty = com.cvchat.events.json.EventJson.mapper().createObjectNode();
        assertThat(Extract.pdfPages(EXPORTER.export(ExportFormat.PDF, cv("modern", empty)))).isEqualTo(1);
        assertThat(Extract.docxText(EXPORTER.export(ExportFormat.DOCX, cv("modern", empty)))).isNotNull();
    }

    private static RenderRequest cv(String template, JsonNode data) {
        return new RenderRequest(DocumentKind.CV, template, "My CV", data);
    }
}
