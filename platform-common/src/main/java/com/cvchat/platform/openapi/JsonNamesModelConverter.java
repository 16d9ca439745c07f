package com.cvchat.platform.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Property names of the project's own types as the service's JSON mapper writes them ({@code fullName} →
 * {@code full_name}): swagger-core introspects with Jackson 2 and sees neither the Jackson 3 mapper's naming strategy
 * ({@code spring.jackson.property-naming-strategy}) nor Jackson 3's {@code @JsonNaming}. {@code @JsonProperty} (shared by
 * both) already names a property and is left alone.
 */
final class JsonNamesModelConverter implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final PropertyNamingStrategy mapperStrategy;

    JsonNamesModelConverter(PropertyNamingStrategy mapperStrategy) {
        this.mapperStrategy = mapperStrategy;
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.getPackageName().startsWith("com.cvchat.")) {
            return schema;
        }
        Schema<?> model = schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)
                ? context.getDefinedModels().get(schema.get$ref().substring(REF_PREFIX.length())) : schema;
        if (model != null && model.getProperties() != null) {
            rename(model, raw);
        }
        return schema;
    }

    private void rename(Schema<?> model, Class<?> owner) {
        JsonNaming naming = owner.getAnnotation(JsonNaming.class);
        PropertyNamingStrategy strategy = naming != null ? instantiate(naming.value()) : mapperStrategy;
        if (!(strategy instanceof PropertyNamingStrategies.NamingBase base)) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        model.getProperties().forEach((name, property) ->
                renamed.put(hasExplicitName(owner, name) ? name : base.nameForField(null, null, name), property));
        model.setProperties(renamed);
        if (model.getRequired() != null) {
            List<String> required = model.getRequired().stream()
                    .map(name -> hasExplicitName(owner, name) ? name : base.nameForField(null, null, name)).toList();
            model.setRequired(required);
        }
    }

    private static boolean hasExplicitName(Class<?> owner, String name) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                JsonProperty explicit = field.getAnnotation(JsonProperty.class);
                if (explicit != null && name.equals(explicit.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PropertyNamingStrategy instantiate(Class<? extends PropertyNamingStrategy> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
