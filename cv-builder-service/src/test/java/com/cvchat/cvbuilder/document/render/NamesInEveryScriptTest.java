package com.cvchat.cvbuilder.document.render;

import com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names as the offline model keeps them (one script, or a Latin form with the native one beside it) reach the exports
 * unchanged. The PDF check reads the text back, so a glyph missing from the embedded fonts fails it; the PDF covers
 * the scripts of its embedded fonts only (see cv-builder-service's README: Hangul and Devanagari have no glyphs there,
 * and Hebrew and Arabic are not laid out right to left).
 */
class NamesInEveryScriptTest {

    private static final RenderPool POOL = new RenderPool(2, 8, java.time.Duration.ofSeconds(60));
    private static final HtmlRenderer HTML = new HtmlRenderer();
    private static final DocumentExporter EXPORTER = new DocumentExporter(HTML, new PdfRenderer(HTML), new DocxRenderer(),
            new JsonResumeMapper(), POOL);

    @AfterAll
    static void stop() {
        POOL.stop();
    }

    private static RenderRequest cvOf(String name) {
        return new RenderRequest(DocumentKind.CV, "default", "My CV", CvDataMother.cv(name, "Engineer", "Acme", "BSc", "University"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nikos Papadopoulos / Νίκος Παπαδόπουλος", "Ji-woo Park (박지우)", "Noa Levi (נועה לוי)",
            "Omar Khalil (عمر خليل)", "Rahul Sharma (राहुल शर्मा)"})
    void shouldKeepTheNameAsWrittenInDocxHtmlAndJsonResume(String name) {
        RenderRequest request = cvOf(name);
        for (String text : List.of(Extract.docxText(EXPORTER.export(ExportFormat.DOCX, request)),
                new String(EXPORTER.export(ExportFormat.HTML, request), StandardCharsets.UTF_8),
                new String(EXPORTER.export(ExportFormat.JSON_RESUME, request), StandardCharsets.UTF_8))) {
            assertThat(text).contains(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ivan Petrov (Иван Петров)", "佐藤 花子 (Hanako Sato)"})
    void shouldDrawTheNameWithTheEmbeddedFontsInThePdf(String name) {
        String pdf = Extract.pdfText(EXPORTER.export(ExportFormat.PDF, cvOf(name)));

        assertThat(pdf.replaceAll("\\s+", " ")).contains(name).doesNotContain("#");
    }
}
