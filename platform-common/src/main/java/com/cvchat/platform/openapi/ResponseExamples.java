package com.cvchat.platform.openapi;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.io.IOException;

/** Puts each {@link ResponseExample} on its answer's media types, keeping their schemas. */
final class ResponseExamples implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ResponseExample example = handlerMethod.getMethodAnnotation(ResponseExample.class);
        if (example == null || operation.getResponses() == null) {
            return operation;
        }
        ApiResponse response = example.status().isEmpty()
                ? operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                        .map(java.util.Map.Entry::getValue).findFirst().orElse(null)
                : operation.getResponses().get(example.status());
        if (response == null || response.getContent() == null) {
            throw new IllegalStateException("@ResponseExample of " + handlerMethod + ": no such answer");
        }
        Object value = parse(example.value());
        response.getContent().forEach((type, media) -> {
            if (value instanceof String || type.contains("json") || type.equals("*/*")) {
                media.setExample(value);
            }
        });
        return operation;
    }

    private static Object parse(String value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            return value;
        }
    }
}
