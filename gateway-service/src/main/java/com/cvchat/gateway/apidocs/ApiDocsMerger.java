package com.cvchat.gateway.apidocs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One OpenAPI 3.1 document from the services' own: their paths, components and tags side by side under the gateway's
 * title and description, served from the gateway's origin ({@code servers: [{url: "/"}]}). Paths of different
 * services never overlap (each has its routes); a component two services name alike but describe differently is
 * renamed {@code <service>_<name>} in the second one, with its references.
 */
final class ApiDocsMerger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMAS_REF = "#/components/";

    /** A service's document, or why it is missing. */
    record Part(String service, JsonNode document, String failure) {
    }

    private final ObjectNode info;

    ApiDocsMerger(ObjectNode info) {
        this.info = info;
    }

    ObjectNode merge(List<Part> parts) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = this.info.deepCopy();
        merged.set("info", info);
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (Part part : parts) {
            if (part.document() == null) {
                missing.add(part.service() + " (" + part.failure() + ")");
                continue;
            }
            JsonNode document = renameClashes(part, components);
            document.path("paths").properties().forEach(path -> {
                if (!paths.has(path.getKey())) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components").properties().forEach(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                section.getValue().properties().forEach(entry -> {
                    if (!target.has(entry.getKey())) {
                        target.set(entry.getKey(), entry.getValue());
                    }
                });
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asString())) {
                    tags.add(tag);
                }
            }
        }
        if (!missing.isEmpty()) {
            info.put("description", info.path("description").asString()
                    + "\n\n**Not included right now** (the service did not answer; reload later): "
                    + String.join(", ", missing) + ".");
        }
        return merged;
    }

    /** The part's document with every component that differs from one already merged under the same name renamed. */
    private static JsonNode renameClashes(Part part, ObjectNode merged) {
        Map<String, String> renames = new LinkedHashMap<>();
        part.document().path("components").properties().forEach(section -> section.getValue().properties()
                .forEach(entry -> {
                    JsonNode existing = merged.path(section.getKey()).get(entry.getKey());
                    if (existing != null && !existing.equals(entry.getValue())) {
                        String ref = SCHEMAS_REF + section.getKey() + "/";
                        renames.put(ref + entry.getKey(), ref + part.service() + "_" + entry.getKey());
                    }
                }));
        if (renames.isEmpty()) {
            return part.document();
        }
        JsonNode copy = rewriteRefs(part.document().deepCopy(), renames);
        ObjectNode components = (ObjectNode) copy.path("components");
        renames.forEach((from, to) -> {
            String[] source = from.substring(SCHEMAS_REF.length()).split("/", 2);
            ObjectNode section = (ObjectNode) components.get(source[0]);
            section.set(to.substring(to.lastIndexOf('/') + 1), section.remove(source[1]));
        });
        return copy;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if ("$ref".equals(entry.getKey()) && renames.containsKey(entry.getValue().asString())) {
                    entry.setValue(StringNode.valueOf(renames.get(entry.getValue().asString())));
                } else {
                    rewriteRefs(entry.getValue(), renames);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }
}
