package com.cvchat.llmworker.offline.eval;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.llmworker.provider.Cancellation;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.ProviderResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A real model (Gemini or an OpenAI-compatible server) answering turns through the worker's own provider, with a
 * {@code cv_turn} request shaped like cv-builder-service's: a system instruction ({@code eval/turn-instruction.txt}),
 * the context {@code {"doc_type", "data"}} and the response schema of the doc type ({@code eval/turn-schemas.json}).
 * Used only by the score command, never by tests (tests never call the network).
 */
final class RemoteTurnModel implements TurnModel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LlmProvider provider;
    private final String instruction = resource("turn-instruction.txt");
    private final JsonNode schemas = JSON.readTree(resource("turn-schemas.json"));

    RemoteTurnModel(LlmProvider provider) {
        this.provider = provider;
    }

    @Override
    public JsonNode answer(String docType, JsonNode data, String message) {
        ObjectNode context = JsonNodeFactory.instance.objectNode().put("doc_type", docType);
        context.set("data", data);
        String document = Conversation.CV.equals(docType) ? "CV" : "cover letter";
        LlmRequest request = new LlmRequest(UUID.randomUUID().toString(), "cv", LlmTask.CV_TURN,
                instruction.formatted(document), List.of(), message, context, schemas.path(docType));
        Cancellation cancellation = new Cancellation();
        cancellation.bind(Thread.currentThread());
        ProviderResult result = provider.generate(new GenerationCall(request, null, chunk -> { }, cancellation));
        return result.structured() == null ? JsonNodeFactory.instance.objectNode() : result.structured();
    }

    private static String resource(String name) {
        try (InputStream in = RemoteTurnModel.class.getResourceAsStream("/eval/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
