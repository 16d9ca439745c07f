package com.cvchat.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The objects of a kustomize overlay, built once per overlay. */
final class Manifests {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Map<String, List<JsonNode>> BUILT = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The objects {@code kustomize build k8s/overlays/<overlay>} renders. */
    static List<JsonNode> overlay(String overlay) {
        return BUILT.computeIfAbsent(overlay, name -> parse(Tools.kustomize(Repository.overlay(name))));
    }

    /** Every document of a multi-document YAML text, empty documents left out. */
    static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> objects = new ArrayList<>();
            try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (documents.hasNextValue()) {
                    JsonNode node = (JsonNode) documents.nextValue();
                    if (node != null && !node.isNull() && !node.isMissingNode()) {
                        objects.add(node);
                    }
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
    }

}
