package com.cvchat.cvbuilder.document.render;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Locale;

/** The few paragraph kinds a CV or a letter needs, written with Apache POI in one template's style. */
final class DocxWriter {

    /** Right edge of the text on an A4 page with 2 cm margins, in twentieths of a point. */
    private static final int RIGHT_TAB = 9638;
    private static final int A4_WIDTH = 11906;
    private static final int A4_HEIGHT = 16838;
    private static final int MARGIN = 1134;

    private final XWPFDocument document = new XWPFDocument();
    private final DocxStyle style;

    DocxWriter(DocxStyle style, String title) {
        this.style = style;
        document.getProperties().getCoreProperties().setTitle(title);
        var section = document.getDocument().getBody().addNewSectPr();
        var size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        var margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
    }

    void name(String text) {
        XWPFParagraph p = paragraph(headerAlignment(), 40);
        run(p, text, 24, true, false, style.accent());
    }

    void headline(String text) {
        run(paragraph(headerAlignment(), 40), text, 13, false, false, style.accent());
    }

    void contacts(String text) {
        run(paragraph(headerAlignment(), 160), text, 9, false, false, "555555");
    }

    void heading(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 80);
        p.setSpacingBefore(200);
        p.setBorderBottom(Borders.SINGLE);
        p.setKeepNext(true);
        run(p, text.toUpperCase(Locale.ROOT), 11, true, false, style.accent());
    }

    /** A bold title with the period at the right margin. */
    void entryHead(String title, String period) {
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0);
        p.setSpacingBefore(100);
        p.setKeepNext(true);
        CTTabStop tab = p.getCTP().addNewPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(RIGHT_TAB));
        run(p, title, 10.5, true, false, null);
        if (!period.isEmpty()) {
            XWPFRun r = run(p, "", 9, false, false, "555555");
            r.addTab();
            r.setText(period);
        }
    }

    void italic(String text) {
        run(paragraph(ParagraphAlignment.LEFT, 20), text, 10, false, true, "555555");
    }

    void text(String text) {
        run(paragraph(ParagraphAlignment.LEFT, 60), text, 10, false, false, null);
    }

    void spaced(String text, int after) {
        run(paragraph(ParagraphAlignment.LEFT, after), text, 10.5, false, false, null);
    }

    void bold(String text) {
        run(paragraph(ParagraphAlignment.LEFT, 160), text, 10.5, true, false, null);
    }

    void bullet(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 20);
        p.setIndentationLeft(360);
        p.setIndentationHanging(220);
        run(p, "•\t" + text, 10, false, false, null);
    }

    /** A label in bold followed by its values on the same line. */
    void labelled(String label, String values) {
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 40);
        run(p, label + ": ", 10, true, false, null);
        run(p, values, 10, false, false, null);
    }

    byte[] toBytes() {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX", e);
        }
    }

    private ParagraphAlignment headerAlignment() {
        return style.centeredHeader() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment, int spacingAfter) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    private XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, boolean italic, String color) {
        XWPFRun r = p.createRun();
        r.setFontFamily(style.font());
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        if (color != null) {
            r.setColor(color);
        }
        if (!text.isEmpty()) {
            r.setText(text);
        }
        return r;
    }
}
