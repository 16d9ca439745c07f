package com.cvchat.cvbuilder.document.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTML to PDF with openhtmltopdf (PDFBox). The fonts are embedded (subset) from the classpath, so the PDF shows the
 * same glyphs everywhere: DejaVu Sans / Serif (Latin with accents, Greek, Cyrillic, Armenian, Georgian, Hebrew …)
 * and Droid Sans Fallback for Chinese and Japanese, used glyph by glyph when DejaVu has none. Not covered: Hangul and
 * Devanagari (no glyphs), right-to-left layout of Hebrew and Arabic (see DOCUMENTS.md, Rendering).
 */
@Component
public class PdfRenderer {

    private record Font(String file, String family, int weight, FontStyle style) {
    }

    private static final List<Font> FONTS = List.of(
            new Font("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
            new Font("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
            new Font("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
            new Font("DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
            new Font("DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
            new Font("DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC),
            new Font("DroidSansFallbackFull.ttf", "Droid Sans Fallback", 400, FontStyle.NORMAL));

    private final HtmlRenderer html;
    /** Font files read once; each render parses (and subsets) only the ones its text needs. */
    private final Map<String, byte[]> fontFiles = new ConcurrentHashMap<>();

    public PdfRenderer(HtmlRenderer html) {
        this.html = html;
    }

    public byte[] render(RenderRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (Font font : FONTS) {
            builder.useFont(() -> new ByteArrayInputStream(fontFiles.computeIfAbsent(font.file(), PdfRenderer::read)),
                    font.family(), font.weight(), font.style(), true);
        }
        builder.withHtmlContent(html.render(request), null);
        builder.withProducer("CV Chat Platform");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
        return out.toByteArray();
    }

    private static byte[] read(String file) {
        try {
            return new ClassPathResource("fonts/" + file).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing font " + file, e);
        }
    }
}
