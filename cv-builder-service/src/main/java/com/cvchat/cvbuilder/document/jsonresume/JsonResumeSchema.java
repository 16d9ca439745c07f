package com.cvchat.cvbuilder.document.jsonresume;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Resume schema (jsonresume.org, {@code @jsonresume/schema} 1.3.1, MIT, shipped in
 * {@code schemas/jsonresume-schema-1.3.1.json}), checked with networknt's json-schema-validator (draft-07, formats
 * asserted). Nothing is fetched over the network.
 */
@Component
public class JsonResumeSchema {

    public static final String RESOURCE = "schemas/jsonresume-schema-1.3.1.json";

    /** The validator's message for the schema's {@code iso8601} pattern, replaced by one a person reads. */
    private static final String ISO_DATE_MESSAGE = "does not match the regex pattern "
            + "^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$";

    private final Schema schema;

    public JsonResumeSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
    }

    /** What is wrong with {@code resume}, one readable line per problem ("/basics/email: …"); empty when valid. */
    public List<String> problems(JsonNode resume) {
        return schema.validate(resume).stream()
                .map(error -> error.toString().replace(ISO_DATE_MESSAGE, "is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"))
                .sorted().toList();
    }
}
