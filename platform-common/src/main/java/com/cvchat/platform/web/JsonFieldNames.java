package com.cvchat.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.cfg.MapperConfig;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * The name a client uses for a Java property of a request body: {@code fullName} → {@code full_name}. Follows the
 * property's {@code @JsonProperty}, its class's {@code @JsonNaming}, else the mapper's naming strategy, segment by
 * segment along a path such as {@code experience[0].startDate}.
 */
final class JsonFieldNames {

    private final MapperConfig<?> config;

    JsonFieldNames(MapperConfig<?> config) {
        this.config = config;
    }

    String of(Class<?> root, String path) {
        StringBuilder name = new StringBuilder();
        Class<?> type = root;
        for (String segment : path.split("\\.")) {
            int index = segment.indexOf('[');
            String property = index < 0 ? segment : segment.substring(0, index);
            Field field = type == null ? null : field(type, property);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(external(type, field, property)).append(index < 0 ? "" : segment.substring(index));
            type = field == null ? null : elementType(field, index >= 0);
        }
        return name.toString();
    }

    private String external(Class<?> owner, Field field, String property) {
        JsonProperty explicit = field == null ? null : field.getAnnotation(JsonProperty.class);
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        JsonNaming naming = owner == null ? null : owner.getAnnotation(JsonNaming.class);
        PropertyNamingStrategy strategy = naming != null ? instantiate(naming.value())
                : config == null ? null : config.getPropertyNamingStrategy();
        return strategy instanceof PropertyNamingStrategies.NamingBase base
                ? base.nameForField(config, null, property) : property;
    }

    private static PropertyNamingStrategy instantiate(Class<? extends PropertyNamingStrategy> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** The type the next path segment belongs to: the field's type, or its element type after {@code [i]}. */
    private static Class<?> elementType(Field field, boolean indexed) {
        Class<?> raw = field.getType();
        if (!indexed) {
            return raw;
        }
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        if ((Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))
                && field.getGenericType() instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Type element = arguments[arguments.length - 1];
            return element instanceof Class<?> c ? c
                    : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
        }
        return null;
    }
}
