package com.cvchat.cvbuilder.document.render;

import com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper;
import com.cvchat.platform.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;

import static com.cvchat.events.json.EventJson.mapper;

/** Turns one document version into the bytes of an export format; PDF and DOCX render on the {@link RenderPool}. */
@Component
public class DocumentExporter {

    private final HtmlRenderer html;
    private final PdfRenderer pdf;
    private final DocxRenderer docx;
    private final JsonResumeMapper jsonResume;
    private final RenderPool pool;

    public DocumentExporter(HtmlRenderer html, PdfRenderer pdf, DocxRenderer docx, JsonResumeMapper jsonResume,
                            RenderPool pool) {
        this.html = html;
        this.pdf = pdf;
        this.docx = docx;
        this.jsonResume = jsonResume;
        this.pool = pool;
    }

    public byte[] export(ExportFormat format, RenderRequest request) {
        return switch (format) {
            case PDF -> pool.run(() -> pdf.render(request));
            case DOCX -> pool.run(() -> docx.render(request));
            case HTML -> html.render(request).getBytes(StandardCharsets.UTF_8);
            case JSON_RESUME -> {
                if (request.kind() != DocumentKind.CV) {
                    throw ApiException.badRequest("JSON Resume export is only available for CVs; "
                            + "export a cover letter as pdf, docx or html");
                }
                yield mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(jsonResume.toJsonResume(request.data()));
            }
        };
    }
}
