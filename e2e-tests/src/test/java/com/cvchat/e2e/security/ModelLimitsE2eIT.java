package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.e2e.E2eUsers;
import com.cvchat.events.Topics;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.limits.ModelLimitsProperties;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.RawHttp;
import com.cvchat.platform.test.kafka.TopicRecords;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4: a burst of chat messages from one user. The per-user model limit (platform-common
 * {@code ModelUsageLimits}, default {@value ModelLimitsProperties#DEFAULT_REQUESTS_PER_MINUTE} requests a minute)
 * refuses the excess with 429 + {@code Retry-After} before anything is published: {@code llm.requests} holds exactly
 * one answer request per accepted message (read with a plain consumer).
 */
class ModelLimitsE2eIT {

    private static final int BURST = ModelLimitsProperties.DEFAULT_REQUESTS_PER_MINUTE + 5;

    @Test
    void shouldRefuseTheBurstBeyondTheModelLimitBeforePublishingAnyModelRequest() throws Exception {
        ApiClient.Account user = E2eUsers.newUser();
        String userId = E2eUsers.as(user).get("/auth/me").expect(200).json().path("id").asString();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            chats.add(E2eUsers.as(user).createChat());
        }

        List<RawHttp.Response> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RawHttp.Response>> sent = new ArrayList<>();
            for (String chat : chats) {
                sent.add(clients.submit(() -> RawHttp.send(E2eStack.url(ServiceSpec.GATEWAY), "POST",
                        ("/api/v1/chats/" + chat + "/message").getBytes(StandardCharsets.US_ASCII),
                        new byte[][]{("Authorization: " + user.bearer()).getBytes(StandardCharsets.US_ASCII),
                                HostileRequest.JSON.getBytes(StandardCharsets.US_ASCII),
                                "Accept: text/event-stream".getBytes(StandardCharsets.US_ASCII)},
                        "{\"message\":\"Tell me a fact about owls\"}".getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RawHttp.Response> response : sent) {
                responses.add(response.get(120, TimeUnit.SECONDS));
            }
        }

        List<RawHttp.Response> accepted = responses.stream().filter(r -> r.status() == 200).toList();
        List<RawHttp.Response> refused = responses.stream().filter(r -> r.status() == 429).toList();
        assertThat(accepted.size() + refused.size()).as("every answer is 200 or 429: " + responses).isEqualTo(BURST);
        assertThat(accepted).hasSize(ModelLimitsProperties.DEFAULT_REQUESTS_PER_MINUTE)
                .allSatisfy(r -> assertThat(r.bodyText()).contains("\"type\":\"done\""));
        assertThat(refused).hasSize(BURST - ModelLimitsProperties.DEFAULT_REQUESTS_PER_MINUTE).allSatisfy(r -> {
            assertThat(Integer.parseInt(r.headers().get("retry-after"))).isBetween(1, 60);
            ClientErrors.assertClearError("429", r.bodyText());
            assertThat(r.bodyText()).contains("AI requests per minute");
        });

        Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        TopicRecords.forEach(E2eStack.get().kafkaBootstrapServers(), List.of(Topics.LLM_REQUESTS.name()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), record -> {
            JsonNode envelope = ApiClient.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
            if (userId.equals(envelope.path("user_id").asString()) && "llm.request".equals(envelope.path("type").asString())) {
                published.computeIfAbsent(envelope.path("payload").path("task").asString(), t -> new AtomicInteger())
                        .incrementAndGet();
            }
        });
        System.out.println("Model-limit burst: " + BURST + " messages at once → " + accepted.size() + " answered, "
                + refused.size() + " refused with 429; llm.requests records of the user " + published);
        assertThat(published.get("chat_reply")).as("answer requests published").hasValue(accepted.size());
        assertThat(published.get("title")).as("title requests (first message of each accepted conversation)")
                .hasValue(accepted.size());
    }
}
