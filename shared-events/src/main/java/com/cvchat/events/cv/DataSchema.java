package com.cvchat.events.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The JSON schema (the subset structured-output models take: {@code type}, {@code properties}, {@code items}) of a
 * record of this package, read from its components: a text is a string, a list is an array of strings or of the item
 * record, a nested record an object. Property names are the wire names, so a field added to a record is in the schema.
 */
public final class DataSchema {

    private static final PropertyNamingStrategies.NamingBase WIRE_NAMES = new PropertyNamingStrategies.SnakeCaseStrategy();

    private DataSchema() {
    }

    public static ObjectNode of(Class<? extends Record> type) {
        return of(type, name -> WIRE_NAMES.nameForField(null, null, name));
    }

    /** The schema of any record of texts, lists and records, its properties named by {@code names} (Java name → JSON). */
    public static ObjectNode of(Class<? extends Record> type, UnaryOperator<String> names) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            properties.set(names.apply(component.getName()), describe(component.getGenericType(), names));
        }
        return schema;
    }

    /** The empty value {@code schema} describes: {@code ""}, {@code []}, or an object of empty values. */
    public static JsonNode emptyValue(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "object" -> {
                ObjectNode empty = JsonNodeFactory.instance.objectNode();
                schema.path("properties").properties().forEach(p -> empty.set(p.getKey(), emptyValue(p.getValue())));
                yield empty;
            }
            case "array" -> JsonNodeFactory.instance.arrayNode();
            default -> JsonNodeFactory.instance.stringNode("");
        };
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode describe(Type type, UnaryOperator<String> names) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ObjectNode array = JsonNodeFactory.instance.objectNode().put("type", "array");
            array.set("items", describe(list.getActualTypeArguments()[0], names));
            return array;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return of((Class<? extends Record>) c, names);
        }
        if (type == String.class) {
            return JsonNodeFactory.instance.objectNode().put("type", "string");
        }
        throw new IllegalArgumentException("No schema for " + type);
    }
}
