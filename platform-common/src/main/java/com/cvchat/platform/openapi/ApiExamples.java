package com.cvchat.platform.openapi;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.io.IOException;

/**
 * Puts each {@link RequestExample} on its request body and each {@link ResponseExample} on its answer, on their media
 * types beside the schemas springdoc derived.
 */
final class ApiExamples implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        RequestExample request = handlerMethod.getMethodAnnotation(RequestExample.class);
        if (request != null) {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                throw new IllegalStateException("@RequestExample of " + handlerMethod + ": it reads no body");
            }
            Object value = parse(request.value());
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(value));
        }
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
