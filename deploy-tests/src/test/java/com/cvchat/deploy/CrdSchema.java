package com.cvchat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom resource's structural OpenAPI schema (the subset Kubernetes CRDs use: type, properties, required,
 * additionalProperties, items, enum, minimum, x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields),
 * applied strictly: a field the schema does not know is an error rather than silently pruned.
 */
final class CrdSchema {

    private final JsonNode root;

    private CrdSchema(JsonNode root) {
        this.root = root;
    }

    static CrdSchema load(String resource) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            return new CrdSchema(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code value} against the schema, each naming its path below {@code path}. */
    List<String> violations(JsonNode value, String path) {
        List<String> out = new ArrayList<>();
        check(root, value, path, out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                out.add(path + ": must be an integer or a string");
            }
            return;
        }
        switch (schema.path("type").asText("")) {
            case "object" -> checkObject(schema, value, path, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": must be a string");
                } else if (schema.has("enum") && !contains(schema.get("enum"), value)) {
                    out.add(path + ": '" + value.asText() + "' is not one of " + schema.get("enum"));
                }
            }
            case "integer" -> checkNumber(schema, value, path, out, value.isIntegralNumber(), "an integer");
            case "number" -> checkNumber(schema, value, path, out, value.isNumber(), "a number");
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": must be a boolean");
                }
            }
            default -> {
                if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    throw new IllegalStateException("Schema at " + path + " has no type: " + schema);
                }
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (!value.isObject()) {
            out.add(path + ": must be an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + "." + required.asText() + ": required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        value.properties().forEach(field -> {
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, out);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), fieldPath, out);
            } else if (!preserveUnknown) {
                out.add(fieldPath + ": unknown field");
            }
        });
    }

    private static void checkNumber(JsonNode schema, JsonNode value, String path, List<String> out, boolean typeOk,
                                    String what) {
        if (!typeOk) {
            out.add(path + ": must be " + what);
        } else if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            out.add(path + ": must be at least " + schema.get("minimum"));
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
