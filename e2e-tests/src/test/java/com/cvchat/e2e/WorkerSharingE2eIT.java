package com.cvchat.e2e;

import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.PrometheusMetrics;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given the shared stack's two llm-worker instances (one consumer group on {@code llm.requests}, key = conversation
 * id), when a user asks questions in many conversations, then both instances generate some of the answers (each
 * instance's own counter {@code llm_generation_duration_seconds_count} at {@code /actuator/prometheus} grows) and
 * every question is answered exactly once.
 */
class WorkerSharingE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CONVERSATIONS = 12;

    @Test
    void shouldShareRequestsBetweenTwoWorkersAndAnswerEachOnce() {
        // Given the stack's two llm-worker processes
        List<ServiceProcess> workers = E2eStack.get().instances(ServiceSpec.LLM_WORKER);
        assertThat(workers).hasSize(2);
        Map<String, Double> before = generations(workers);
        ApiClient.Account user = E2eUsers.newUser();
        ApiClient api = E2eUsers.as(user);

        // When a user asks a question in each of several conversations
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String chat = api.createChat();
            chats.add(chat);
            try (SseClient stream = api.sendMessage(chat, "Question number " + i)) {
                assertThat(stream.status()).isEqualTo(200);
                List<SseEvent> events = stream.rest(WAIT);
                assertThat(events.getLast().type()).isEqualTo("done");
            }
        }

        // Then every question is answered exactly once, and both workers generated some of the answers
        await().atMost(WAIT).untilAsserted(() -> {
            for (String chat : chats) {
                JsonNode messages = api.get("/chats/" + chat).json().path("data").path("messages");
                assertThat(messages).extracting(m -> m.path("sender").asString()).containsExactly("user", "ai");
            }
        });
        Map<String, Double> after = generations(workers);
        System.out.println("llm-worker generations during the test (answers + titles): " + workers.stream()
                .map(w -> w.name() + "=" + (after.get(w.name()) - before.get(w.name()))).toList());
        for (ServiceProcess worker : workers) {
            assertThat(after.get(worker.name())).as(worker.name() + " generated some").isGreaterThan(before.get(worker.name()));
        }
    }

    /** Each worker's finished generations so far: the sum of {@code llm_generation_duration_seconds_count}. */
    private static Map<String, Double> generations(List<ServiceProcess> workers) {
        Map<String, Double> counts = new LinkedHashMap<>();
        workers.forEach(w -> counts.put(w.name(), PrometheusMetrics.sum(w.url(), "llm_generation_duration_seconds_count")));
        return counts;
    }
}
