package com.cvchat.cvbuilder.document.render;

import com.cvchat.platform.test.cv.CvDataMother;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API10: CV data is untrusted (it comes from model patches and from user imports). Markup, scripts and
 * {@code javascript:} links in it are rendered as the literal text they are in every export format, and never become
 * elements, links or actions.
 */
class UntrustedContentRenderingTest {

    private static final String SCRIPT = "<script>alert('cv')</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";
    private static final String LINK = "javascript:alert(document.cookie)";
    private static final String BREAKOUT = "</h3><a href=\"javascript:alert(2)\">click me</a><h3>";
    private static final String IFRAME = "<iframe src=\"https://evil.example\"></iframe>";

    private static final RenderPool POOL = new RenderPool(2, 8, java.time.Duration.ofSeconds(60));
    private static final HtmlRenderer HTML = new HtmlRenderer();
    private static final DocumentExporter EXPORTER = new DocumentExporter(HTML, new PdfRenderer(HTML),
            new DocxRenderer(), new com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper(), POOL);

    @AfterAll
    static void stop() {
        POOL.stop();
    }

    /** A CV as a hostile model patch or import could leave it: markup in the fields a renderer shows. */
    private static RenderRequest hostileCv() {
        ObjectNode cv = CvDataMother.cv("Eve " + SCRIPT, "Engineer " + BREAKOUT, "Acme " + IFRAME,
                "Master of " + IMAGE, "Evil University");
        ObjectNode personal = (ObjectNode) cv.get("personal_info");
        personal.put("linkedin", LINK);
        personal.put("website", LINK);
        personal.put("email", "eve@example.com\"><script>alert(3)</script>");
        cv.put("summary", "Summary " + SCRIPT + " " + IMAGE);
        return new RenderRequest(DocumentKind.CV, "modern", "Title " + SCRIPT, cv);
    }

    @Test
    void shouldShowMarkupAsTextInTheHtmlExport() throws Exception {
        byte[] html = EXPORTER.export(ExportFormat.HTML, hostileCv());
        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html));

        for (String element : List.of("script", "img", "iframe", "a", "object", "embed", "form")) {
            assertThat(page.getElementsByTagName(element).getLength()).as("<" + element + "> elements").isZero();
        }
        assertThat(attributes(page)).as("attributes of the page")
                .noneMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("on"))
                .noneMatch(a -> a.toLowerCase(Locale.ROOT).contains("javascript:"));
        String text = page.getDocumentElement().getTextContent();
        assertThat(text).contains("Eve " + SCRIPT, "Engineer " + BREAKOUT, "Acme " + IFRAME, "Master of " + IMAGE, LINK);
    }

    @Test
    void shouldShowMarkupAsTextAndAddNoLinkOrActionToThePdf() throws IOException {
        byte[] pdf = EXPORTER.export(ExportFormat.PDF, hostileCv());
        String text = Extract.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Eve " + SCRIPT, "Summary " + SCRIPT, "Master of " + IMAGE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getNames() == null
                    || document.getDocumentCatalog().getNames().getJavaScript() == null)
                    .as("document-level JavaScript").isTrue();
            assertThat(document.getDocumentCatalog().getOpenAction()).as("open action").isNull();
            assertThat(document.getDocumentCatalog().getAcroForm()).as("forms").isNull();
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    assertThat(annotation.getCOSObject().toString().toLowerCase(Locale.ROOT))
                            .as("annotation").doesNotContain("javascript");
                }
            }
        }
    }

    @Test
    void shouldShowMarkupAsTextAndAddNoHyperlinkToTheDocx() throws IOException {
        byte[] docx = EXPORTER.export(ExportFormat.DOCX, hostileCv());
        String text = Extract.docxText(docx);
        assertThat(text).contains("Eve " + SCRIPT, "Summary " + SCRIPT, "Master of " + IMAGE, LINK);

        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String part = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().endsWith(".rels")) {
                    assertThat(part).as(entry.getName()).doesNotContainIgnoringCase("javascript")
                            .doesNotContain("evil.example");
                }
                if (entry.getName().endsWith(".xml")) {
                    assertThat(part).as(entry.getName() + ": markup stays escaped text")
                            .doesNotContain("<script", "<img", "<iframe", "<a ", "<w:hyperlink", "HYPERLINK");
                }
            }
        }
    }

    private static List<String> attributes(Document page) {
        List<String> all = new ArrayList<>();
        NodeList elements = page.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            NamedNodeMap attributes = elements.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                all.add(attributes.item(j).getNodeName() + "=" + attributes.item(j).getNodeValue());
            }
        }
        return all;
    }
}
