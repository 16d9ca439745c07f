package com.cvchat.cvbuilder.document.jsonresume;

import com.networknt.schema.Error;
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

    private final Schema schema;

    public JsonResumeSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
    }

    /** What is wrong with {@code resume}, one readable line per problem ("$.basics.email: …"); empty when valid. */
    public List<String> problems(JsonNode resume) {
        return schema.validate(resume).stream().map(Error::toString).sorted().toList();
    }
}
