package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DocumentCommands;
import com.cvchat.cvbuilder.document.DocumentQueries;
import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/documents}: the owner's documents and their versions; anyone else's document is a 404. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "documents", description = "Finalized CVs and cover letters: versions, restore, export, import")
class DocumentController {

    static final int MAX_PAGE_SIZE = 100;

    private final DocumentQueries queries;
    private final DocumentCommands commands;

    DocumentController(DocumentQueries queries, DocumentCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(summary = "The user's documents, newest first", description = "`page` from 1, `size` 1 to 100.")
    @GetMapping
    DocumentResponses.Page list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 1) {
            throw ApiException.badRequest("page must be 1 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        String user = CurrentUser.id();
        long total = queries.count(user);
        return new DocumentResponses.Page(queries.page(user, page - 1, size).stream().map(DocumentView::of).toList(),
                page, size, total, (total + size - 1) / size);
    }

    @Operation(summary = "A document with the data of its current version")
    @ApiResponse(responseCode = "404", description = "Document not found")
    @GetMapping("/{id}")
    DocumentResponses.WithData get(@PathVariable String id) {
        DocumentRecord document = queries.owned(CurrentUser.id(), id);
        return withData(null, document);
    }

    @Operation(summary = "The versions of a document, newest first")
    @ApiResponse(responseCode = "404", description = "Document not found")
    @GetMapping("/{id}/versions")
    DocumentResponses.Versions versions(@PathVariable String id) {
        DocumentRecord document = queries.owned(CurrentUser.id(), id);
        return new DocumentResponses.Versions(id, document.currentVersion(),
                queries.versions(id).stream().map(VersionView::summary).toList());
    }

    @Operation(summary = "One version of a document with its data")
    @ApiResponse(responseCode = "404", description = "Version 7 not found")
    @GetMapping("/{id}/versions/{version}")
    VersionView version(@PathVariable String id, @PathVariable int version) {
        queries.owned(CurrentUser.id(), id);
        return VersionView.full(queries.version(id, version));
    }

    @Operation(summary = "Restore an old version as the new current version")
    @ApiResponse(responseCode = "201", description = "Restored as a new version")
    @ApiResponse(responseCode = "404", description = "Version 7 not found")
    @PostMapping("/{id}/versions/{version}/restore")
    ResponseEntity<DocumentResponses.WithData> restore(@PathVariable String id, @PathVariable int version) {
        String user = CurrentUser.id();
        commands.restore(user, id, version);
        DocumentRecord document = queries.owned(user, id);
        return ResponseEntity.status(HttpStatus.CREATED).body(withData(
                "Version " + version + " restored as version " + document.currentVersion(), document));
    }

    @Operation(summary = "Change a document's title and/or template")
    @ApiResponse(responseCode = "400", description = "Nothing to change: give title and/or template_code")
    @ApiResponse(responseCode = "404", description = "Document not found")
    @PatchMapping("/{id}")
    DocumentResponses.WithData update(@PathVariable String id, @RequestBody DocumentResponses.Update body) {
        if (body.title() == null && body.templateCode() == null) {
            throw ApiException.badRequest("Nothing to change: give title and/or template_code");
        }
        String user = CurrentUser.id();
        commands.update(user, id, body.title(), body.templateCode());
        return withData(null, queries.owned(user, id));
    }

    @Operation(summary = "Delete a document and all its versions")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Document not found")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        commands.delete(CurrentUser.id(), id);
        return ResponseEntity.noContent().build();
    }

    private DocumentResponses.WithData withData(String message, DocumentRecord document) {
        return DocumentResponses.WithData.of(message, document, queries.version(document.id(), document.currentVersion()));
    }
}
