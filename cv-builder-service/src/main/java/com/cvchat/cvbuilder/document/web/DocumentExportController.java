package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DataJson;
import com.cvchat.cvbuilder.document.DocumentQueries;
import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.cvbuilder.document.DocumentVersionRecord;
import com.cvchat.cvbuilder.document.render.DocumentExporter;
import com.cvchat.cvbuilder.document.render.DocumentKind;
import com.cvchat.cvbuilder.document.render.ExportFormat;
import com.cvchat.cvbuilder.document.render.RenderRequest;
import com.cvchat.cvbuilder.document.template.TemplateCatalog;
import com.cvchat.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/documents/{id}/export?format=pdf|docx|html|json-resume[&version=n][&template=code]}: the current
 * version (or version n) in the document's template (or the one asked for), as a download named after the slug.
 */
@RestController
@Tag(name = "documents", description = "Finalized CVs and cover letters: versions, restore, export, import")
class DocumentExportController {

    private final DocumentQueries queries;
    private final DocumentExporter exporter;

    DocumentExportController(DocumentQueries queries, DocumentExporter exporter) {
        this.queries = queries;
        this.exporter = exporter;
    }

    @Operation(summary = "Export a document (current or given version) as a file",
            description = "`format`: `pdf`, `docx`, `html` or `json-resume` (CVs only); `template` overrides the "
                    + "document's template; `version` defaults to the current one.")
    @ApiResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object"))})
    @ApiResponse(responseCode = "400", description = "Unknown export format 'odt'")
    @ApiResponse(responseCode = "404", description = "Document not found")
    @ApiResponse(responseCode = "503", description = "The document renderer is busy. Please try again shortly.")
    @GetMapping("/api/v1/documents/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String format,
                                  @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) String template) {
        ExportFormat exportFormat = ExportFormat.of(format);
        DocumentRecord document = queries.owned(CurrentUser.id(), id);
        String templateCode = template == null ? document.templateCode() : TemplateCatalog.resolve(template);
        DocumentVersionRecord data = queries.version(id, version == null ? document.currentVersion() : version);
        byte[] body = exporter.export(exportFormat, new RenderRequest(DocumentKind.of(document.docType()), templateCode,
                document.title(), DataJson.fromBson(data.data())));
        String fileName = document.slug() + (version == null ? "" : "-v" + version) + "." + exportFormat.extension();
        return ResponseEntity.ok()
                .contentType(exportFormat.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
