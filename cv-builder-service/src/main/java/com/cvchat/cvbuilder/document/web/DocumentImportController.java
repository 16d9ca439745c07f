package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DocumentCommands;
import com.cvchat.cvbuilder.document.DocumentQueries;
import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.cvbuilder.document.FinalizedDocument;
import com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper;
import com.cvchat.cvbuilder.document.jsonresume.JsonResumeSchema;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code POST /api/v1/documents/import}: a JSON Resume body becomes a new CV document (version 1). The body must
 * pass the JSON Resume schema and name the person ({@code basics.name}); otherwise 400 says what is wrong.
 */
@RestController
@Tag(name = "documents", description = "Finalized CVs and cover letters: versions, restore, export, import")
class DocumentImportController {

    private static final int SHOWN_PROBLEMS = 5;

    private final JsonResumeSchema schema;
    private final JsonResumeMapper mapper;
    private final DocumentCommands commands;
    private final DocumentQueries queries;

    DocumentImportController(JsonResumeSchema schema, JsonResumeMapper mapper, DocumentCommands commands,
                             DocumentQueries queries) {
        this.schema = schema;
        this.mapper = mapper;
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Import a JSON Resume (jsonresume.org) as a new CV document",
            description = "The body is a JSON Resume object; `title` and `template` are optional.")
    @ApiResponse(responseCode = "201", description = "The new document")
    @ApiResponse(responseCode = "400", description = "Invalid JSON Resume: basics.name is required")
    @PostMapping("/api/v1/documents/import")
    ResponseEntity<DocumentResponses.WithData> importResume(@RequestBody JsonNode resume,
                                                            @RequestParam(required = false) String title,
                                                            @RequestParam(required = false) String template) {
        if (resume == null || !resume.isObject()) {
            throw ApiException.badRequest("Invalid JSON Resume: the body must be a JSON object");
        }
        List<String> problems = schema.problems(resume);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid JSON Resume: " + String.join("; ", problems.subList(0,
                    Math.min(SHOWN_PROBLEMS, problems.size())))
                    + (problems.size() > SHOWN_PROBLEMS ? " (and " + (problems.size() - SHOWN_PROBLEMS) + " more)" : ""));
        }
        String name = resume.path("basics").path("name").asString("").strip();
        if (name.isEmpty()) {
            throw ApiException.badRequest("Invalid JSON Resume: basics.name is required");
        }
        String user = CurrentUser.id();
        FinalizedDocument created = commands.create(user, "cv", title == null || title.isBlank() ? name + " CV" : title,
                template, mapper.fromJsonResume(resume), "import", null);
        DocumentRecord document = queries.owned(user, created.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentResponses.WithData.of(
                "CV imported from JSON Resume", document, queries.version(document.id(), 1)));
    }
}
