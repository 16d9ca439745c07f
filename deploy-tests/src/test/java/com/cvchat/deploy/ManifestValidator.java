package com.cvchat.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates Kubernetes objects strictly against the schema of their kind: the Kubernetes API model of fabric8's
 * kubernetes-model, Strimzi's API model for its custom resources, and the structural schema of KEDA's ScaledObject.
 * The model classes keep unknown fields in an "additional properties" map; here that catch-all is removed, so an
 * unknown or misspelled field, a wrong type or a duplicate key is a violation. A kind without a schema is one too.
 */
final class ManifestValidator {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    private static final Map<String, CrdSchema> CUSTOM_RESOURCE_SPECS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", CrdSchema.load("/crd-schemas/keda.sh_v1alpha1_scaledobject.yaml"));

    private final ObjectMapper strict = strictMapper();

    /** Every violation in the object, each starting with {@code Kind/name}; empty when it is valid. */
    List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String where = kind + "/" + object.path("metadata").path("name").asText("?");
        String type = apiVersion + "/" + kind;
        Class<?> model = MODELS.get(type);
        if (model != null) {
            return parse(object, model, where);
        }
        CrdSchema spec = CUSTOM_RESOURCE_SPECS.get(type);
        if (spec != null) {
            List<String> out = new ArrayList<>(parse(object.path("metadata"), ObjectMeta.class, where + " metadata"));
            ObjectNode rest = ((ObjectNode) object).deepCopy();
            rest.remove(List.of("apiVersion", "kind", "metadata", "spec", "status"));
            rest.fieldNames().forEachRemaining(field -> out.add(where + ": ." + field + ": unknown field"));
            spec.violations(object.path("spec"), "spec").forEach(v -> out.add(where + ": " + v));
            return out;
        }
        return List.of(where + ": no schema for " + type + " (known: "
                + MODELS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", "
                + String.join(", ", CUSTOM_RESOURCE_SPECS.keySet()) + ")");
    }

    /** The object as its model class; fails on any violation. */
    <T> T read(JsonNode object, Class<T> model) {
        try {
            return strict.treeToValue(object, model);
        } catch (JsonProcessingException e) {
            throw new AssertionError(describe(e), e);
        }
    }

    private List<String> parse(JsonNode object, Class<?> model, String where) {
        try {
            strict.treeToValue(object, model);
            return List.of();
        } catch (JsonProcessingException e) {
            return List.of(where + ": " + describe(e));
        }
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()) : "";
        return path + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule("strict-kubernetes-model");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noCatchAll)
                .build();
    }
}
