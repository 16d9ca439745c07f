package com.cvchat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation of {@link KubernetesSchemaTest} catches what the API server would reject or silently drop: each case
 * takes a real object of the prod overlay, spoils one thing, and expects a violation naming it.
 */
class StrictValidationTest {

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void shouldAcceptTheUnchangedObjects() {
        assertThat(validator.violations(object("Deployment", "llm-worker"))).isEmpty();
        assertThat(validator.violations(object("KafkaTopic", "llm-requests"))).isEmpty();
        assertThat(validator.violations(object("ScaledObject", "llm-worker"))).isEmpty();
    }

    @Test
    void shouldRejectMisspelledFieldDeepInsideADeployment() {
        JsonNode deployment = spoiled("Deployment", "chat-service", d -> {
            ObjectNode container = (ObjectNode) d.at("/spec/template/spec/containers/0");
            container.set("readinesProbe", container.remove("readinessProbe"));
        });

        assertThat(validator.violations(deployment)).singleElement().asString()
                .startsWith("Deployment/chat-service")
                .contains("spec.template.spec.containers[0].readinesProbe")
                .contains("Unrecognized field \"readinesProbe\"");
    }

    @Test
    void shouldRejectUnknownFieldInMetadata() {
        JsonNode service = spoiled("Service", "gateway-service",
                s -> ((ObjectNode) s.path("metadata")).put("lables", "x"));

        assertThat(validator.violations(service)).singleElement().asString().contains("metadata.lables");
    }

    @Test
    void shouldRejectAStringWhereTheSchemaWantsAnInteger() {
        JsonNode pdb = spoiled("PodDisruptionBudget", "auth-service",
                p -> {
                    ObjectNode spec = (ObjectNode) p.path("spec");
                    spec.remove("maxUnavailable");
                    spec.set("minAvailable", TextNode.valueOf("1"));
                });
        JsonNode statefulSet = spoiled("StatefulSet", "mongodb",
                s -> ((ObjectNode) s.path("spec")).put("replicas", "one"));

        // minAvailable is int-or-string: "1" is allowed there; replicas is an integer
        assertThat(validator.violations(pdb)).isEmpty();
        assertThat(validator.violations(statefulSet)).singleElement().asString().contains("spec.replicas");
    }

    @Test
    void shouldRejectMisspelledFieldInStrimziResource() {
        JsonNode topic = spoiled("KafkaTopic", "llm-requests", t -> {
            ObjectNode spec = (ObjectNode) t.path("spec");
            spec.set("partitons", spec.remove("partitions"));
        });

        assertThat(validator.violations(topic)).singleElement().asString()
                .startsWith("KafkaTopic/llm-requests").contains("spec.partitons");
    }

    @Test
    void shouldRejectMisspelledFieldAndWrongTypeInKedaScaledObject() {
        JsonNode misspelled = spoiled("ScaledObject", "llm-worker", s -> {
            ObjectNode spec = (ObjectNode) s.path("spec");
            spec.set("maxReplicas", spec.remove("maxReplicaCount"));
        });
        JsonNode numberInMetadata = spoiled("ScaledObject", "llm-worker",
                s -> ((ObjectNode) s.at("/spec/triggers/0/metadata")).set("lagThreshold", IntNode.valueOf(5)));

        assertThat(validator.violations(misspelled)).containsExactly(
                "ScaledObject/llm-worker: spec.maxReplicas: unknown field");
        assertThat(validator.violations(numberInMetadata)).containsExactly(
                "ScaledObject/llm-worker: spec.triggers[0].metadata.lagThreshold: must be a string");
    }

    @Test
    void shouldRejectAKindItHasNoSchemaFor() {
        JsonNode unknown = spoiled("Service", "chat-service", s -> ((ObjectNode) s).put("apiVersion", "v2"));

        assertThat(validator.violations(unknown)).singleElement().asString()
                .startsWith("Service/chat-service: no schema for v2/Service");
    }

    private static JsonNode object(String kind, String name) {
        return Manifests.named(Manifests.overlay("prod"), kind, name);
    }

    private static JsonNode spoiled(String kind, String name, Consumer<JsonNode> change) {
        JsonNode copy = object(kind, name).deepCopy();
        change.accept(copy);
        return copy;
    }
}
