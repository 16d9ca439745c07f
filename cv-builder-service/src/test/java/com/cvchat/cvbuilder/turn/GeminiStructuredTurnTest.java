package com.cvchat.cvbuilder.turn;

import com.cvchat.cvbuilder.data.DocType;
import com.cvchat.cvbuilder.data.Progress;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.rules.cv.DataMerger;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CV turn's contract with Gemini's structured output: the request this service builds, sent with Google's own
 * {@code google-genai} client to a local fake of the Gemini REST API ({@code models/*:generateContent}), carries our
 * schema as {@code responseJsonSchema}; the fake answers with structured JSON as Gemini does, and that answer read
 * back through {@link CvTurnClient#toResult} and merged gives the spec's first step (progress 16).
 */
class GeminiStructuredTurnTest {

    private static final String ANSWER = """
            {"patch": {"personal_info": {"full_name": "Sarah Johnson", "title": "Senior Data Scientist"}},
             "message": "Great to meet you, Sarah! Could you share your email, phone number and location?"}""";

    private HttpServer gemini;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> requestPath = new AtomicReference<>();
    private final AtomicReference<String> apiKeyHeader = new AtomicReference<>();

    @BeforeEach
    void startFakeGemini() throws IOException {
        gemini = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gemini.createContext("/", exchange -> {
            requestPath.set(exchange.getRequestURI().getPath());
            apiKeyHeader.set(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode response = EventJson.mapper().createObjectNode();
            ObjectNode candidate = response.putArray("candidates").addObject();
            candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", ANSWER);
            candidate.put("finishReason", "STOP");
            response.putObject("usageMetadata").put("promptTokenCount", 120).put("candidatesTokenCount", 40)
                    .put("totalTokenCount", 160);
            byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        gemini.start();
    }

    @AfterEach
    void stopFakeGemini() {
        gemini.stop(0);
    }

    @Test
    void shouldSendTheTurnSchemaToGeminiAndMergeItsStructuredAnswer() {
        DocType cv = DocType.CV;
        JsonNode empty = cv.shape().emptyData();
        LlmRequest request = CvTurnClient.request("r-1", new CvTurnClient.TurnQuestion("s-1", "u-1", cv, empty,
                cv.shape().progress(empty).missing(), List.of(), "Hi! I am Sarah Johnson, a Senior Data Scientist"), 12);

        Client client = Client.builder().apiKey("test-key")
                .httpOptions(HttpOptions.builder().baseUrl("http://localhost:" + gemini.getAddress().getPort()).build())
                .build();
        GenerateContentConfig config = GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText(request.systemInstruction())))
                .responseMimeType("application/json")
                .responseJsonSchema(EventJson.mapper().convertValue(request.responseSchema(), Map.class))
                .build();
        GenerateContentResponse response = client.models.generateContent("gemini-2.5-flash", request.prompt(), config);

        JsonNode sent = EventJson.mapper().readTree(requestBody.get());
        assertThat(requestPath.get()).endsWith("models/gemini-2.5-flash:generateContent");
        assertThat(apiKeyHeader.get()).isEqualTo("test-key");
        assertThat(sent.at("/generationConfig/responseMimeType").asString()).isEqualTo("application/json");
        assertThat(sent.at("/generationConfig/responseJsonSchema")).isEqualTo(request.responseSchema());
        assertThat(sent.at("/systemInstruction/parts/0/text").asString()).contains("CV");
        assertThat(sent.at("/contents/0/parts/0/text").asString()).isEqualTo(request.prompt());

        JsonNode structured = EventJson.mapper().readTree(response.text());
        TurnResult result = CvTurnClient.toResult(new LlmCompleted("r-1", "cv", structured.path("message").asString(),
                1, TokenUsage.NONE, structured, "gemini"));
        JsonNode merged = DataMerger.merge(cv.shape().schema(), empty, result.patch());
        Progress progress = cv.shape().progress(merged);
        assertThat(merged.at("/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(progress.percent()).isEqualTo(16);
        assertThat(result.message()).startsWith("Great to meet you, Sarah!");
    }
}
