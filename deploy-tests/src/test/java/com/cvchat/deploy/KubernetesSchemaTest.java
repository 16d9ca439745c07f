package com.cvchat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object of every overlay builds and validates strictly against the schema of its kind. */
class KubernetesSchemaTest {

    private final ManifestValidator validator = new ManifestValidator();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldBuildOverlayIntoObjectsThatAllValidateStrictly(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);

        assertThat(objects).hasSizeGreaterThan(40);
        assertThat(objects.stream().flatMap(o -> validator.violations(o).stream()).toList())
                .as("schema violations in overlay %s", overlay)
                .isEmpty();
    }
}
