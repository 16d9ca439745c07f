package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.MutableClock;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.cv.CvDataMother;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.llm.FakeLlmWorker;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The session API over real sockets, with a real KRaft broker, the embedded store and a stand-in worker on Kafka.
 * Given / When / Then follow the spec's Sarah Johnson example.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cvbuilder.turn.timeout=6s")
@EmbeddedKafka(partitions = 2)
class SessionApiIT {

    static final String SARAH_HELLO = "Hi! I am Sarah Johnson, a Senior Data Scientist";
    static final String SARAH_CONTACT = "My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA";
    static final String THE_REST = "Here is everything else";
    static final String NEW_PHONE = "Actually my phone is +1-555-0000";
    static final String LEFT_DATATECH = "I left DataTech in 2022";
    static final String REMOVE_DATATECH = "Please remove the DataTech job";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FakeLlmWorker worker;

    @TestConfiguration
    static class Beans {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SessionProjector projector;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "cv-session-it");
    }

    @BeforeEach
    void startWorker() {
        if (worker == null) {
            worker = FakeLlmWorker.answering(System.getProperty("spring.embedded.kafka.brokers"), SessionApiIT::answer);
        }
    }

    @AfterAll
    static void stopWorker() throws InterruptedException {
        worker.close();
    }

    /** The stand-in model: a fixed patch per scripted message; "no key" fails; "silence" never answers. */
    static Optional<LlmResponseEvent> answer(LlmRequest request) {
        String prompt = request.prompt();
        if (prompt.contains("silence")) {
            return Optional.empty();
        }
        if (prompt.contains("no key")) {
            return Optional.of(new LlmFailed(request.requestId(), "cv", FailureReason.API_KEY_MISSING, "no key", false, ""));
        }
        ObjectNode patch = switch (prompt) {
            case SARAH_HELLO -> JSON.createObjectNode().set("personal_info",
                    CvDataMother.nameAndTitle().get("personal_info"));
            case SARAH_CONTACT -> JSON.createObjectNode().set("personal_info", JSON.createObjectNode()
                    .put("email", "sarah@datatech.com").put("phone", "+1-555-9999").put("location", "Boston, MA"));
            case THE_REST -> CvDataMother.complete();
            case NEW_PHONE -> JSON.createObjectNode().set("personal_info", JSON.createObjectNode().put("phone", "+1-555-0000"));
            case LEFT_DATATECH -> JSON.createObjectNode().set("experience", JSON.createArrayNode().add(
                    JSON.createObjectNode().put("company", "DataTech").put("end_date", "01/2022")));
            default -> JSON.createObjectNode();
        };
        ObjectNode structured = JSON.createObjectNode().put("message", "Noted: " + prompt);
        structured.set("patch", patch);
        if (prompt.equals(REMOVE_DATATECH)) {
            structured.putArray("remove").addObject().put("section", "experience").put("match", "DataTech");
        }
        return Optional.of(new LlmCompleted(request.requestId(), "cv", "Noted: " + prompt, 1, TokenUsage.NONE,
                structured, "fake"));
    }

    ApiClient api(String user) {
        return ApiClient.localUser(port, user);
    }

    ApiResponse start(String user, String message, String docType) {
        return api(user).startSession(message, docType);
    }

    ApiResponse send(String user, String sessionId, String message) {
        return api(user).sessionMessage(sessionId, message);
    }

    @Test
    void shouldBuildSarahsCvWithTheSpecsProgressAndFinalizeTwice() {
        String user = UUID.randomUUID().toString();
        ApiResponse started = start(user, SARAH_HELLO, "cv");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode start = started.json();
        String sessionId = start.path("session_id").asString();
        assertThat(UUID.fromString(sessionId)).isNotNull();
        assertThat(start.path("progress").asInt()).isEqualTo(16);
        assertThat(start.path("is_complete").asBoolean()).isFalse();
        assertThat(start.path("message").asString()).isEqualTo("Noted: " + SARAH_HELLO);
        assertThat(start.at("/cv_data/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(start.get("cv_data")).isEqualTo(JSON.readTree(CvDataMother.nameAndTitle().toString()));
        assertThat(start.has("fields_collected")).isFalse();

        JsonNode contact = send(user, sessionId, SARAH_CONTACT).json();
        assertThat(contact.path("progress").asInt()).isEqualTo(33);
        assertThat(contact.path("fields_collected")).extracting(JsonNode::asString).containsExactly("personal_info");
        assertThat(contact.path("missing_fields")).extracting(JsonNode::asString)
                .containsExactly("summary", "experience", "education", "skills", "key_projects_achievements");
        assertThat(contact.at("/cv_data/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(contact.at("/cv_data/personal_info/phone").asString()).isEqualTo("+1-555-9999");

        LlmRequest secondRequest = requestWithPrompt(SARAH_CONTACT);
        assertThat(secondRequest.task()).isEqualTo(LlmTask.CV_TURN);
        assertThat(secondRequest.origin()).isEqualTo("cv");
        assertThat(secondRequest.context().path("doc_type").asString()).isEqualTo("cv");
        assertThat(secondRequest.context().at("/data/personal_info/title").asString()).isEqualTo("Senior Data Scientist");
        assertThat(secondRequest.history()).extracting(t -> t.role() + ":" + t.text())
                .containsExactly("user:" + SARAH_HELLO, "model:Noted: " + SARAH_HELLO);
        assertThat(secondRequest.responseSchema().at("/properties/patch/properties/personal_info/type").asString())
                .isEqualTo("object");

        JsonNode done = send(user, sessionId, THE_REST).json();
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("is_complete").asBoolean()).isTrue();
        assertThat(done.path("missing_fields")).isEmpty();

        JsonNode details = api(user).get("/chat/session/" + sessionId).json();
        assertThat(details.path("status").asString()).isEqualTo("active");
        assertThat(details.path("doc_type").asString()).isEqualTo("cv");
        assertThat(details.path("conversation_history")).hasSize(6);
        assertThat(details.at("/conversation_history/0/role").asString()).isEqualTo("user");
        assertThat(details.at("/conversation_history/0/parts/0/text").asString()).isEqualTo(SARAH_HELLO);
        assertThat(details.at("/conversation_history/1/role").asString()).isEqualTo("model");
        assertThat(details.at("/conversation_history/0/timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(details.path("progress").asInt()).isEqualTo(100);
        assertThat(details.path("current_cv_data")).isEqualTo(done.path("cv_data"));
        assertThat(details.path("created_at").asString()).isNotBlank();

        ApiResponse first = api(user).post("/chat/session/" + sessionId + "/finalize",
                ApiClient.body().put("title", "Sarah Johnson - Data Scientist CV").put("template_code", "professional"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("message").asString()).isEqualTo("CV created successfully from chat session");
        assertThat(first.json().at("/document/title").asString()).isEqualTo("Sarah Johnson - Data Scientist CV");
        assertThat(first.json().at("/document/current_version").asInt()).isEqualTo(1);
        assertThat(first.json().at("/document/user_id").asString()).isEqualTo(user);
        assertThat(first.json().path("cv_data")).isEqualTo(done.path("cv_data"));
        ApiResponse second = api(user).post("/chat/session/" + sessionId + "/finalize", "{}");
        assertThat(second.json().at("/document/id").asString()).isEqualTo(first.json().at("/document/id").asString());
        assertThat(second.json().at("/document/current_version").asInt()).isEqualTo(2);
        assertThat(api(user).get("/chat/session/" + sessionId).json().path("status").asString()).isEqualTo("completed");

        JsonNode list = api(user).get("/chat/sessions").json();
        assertThat(list.path("sessions")).hasSize(1);
        assertThat(list.at("/sessions/0/session_id").asString()).isEqualTo(sessionId);
        assertThat(list.at("/sessions/0/status").asString()).isEqualTo("completed");
        assertThat(list.at("/sessions/0/progress").asInt()).isEqualTo(100);
        assertThat(list.at("/sessions/0/title").asString()).isEqualTo("Sarah Johnson");
        assertThat(list.at("/sessions/0/document_id").asString()).isEqualTo(first.json().at("/document/id").asString());
    }

    @Test
    void shouldApplyACorrectionAnEndDateAndARemovalToTheStoredCvAndItsProgress() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, THE_REST, "cv").json().path("session_id").asString();

        JsonNode phone = send(user, sessionId, NEW_PHONE).json();
        assertThat(phone.at("/cv_data/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        JsonNode left = send(user, sessionId, LEFT_DATATECH).json();
        assertThat(left.at("/cv_data/experience/0/end_date").asString()).isEqualTo("01/2022");
        assertThat(left.at("/cv_data/experience/0/title").asString()).isEqualTo("Senior Data Scientist");
        assertThat(left.path("progress").asInt()).isEqualTo(100);

        JsonNode removed = send(user, sessionId, REMOVE_DATATECH).json();
        assertThat(removed.at("/cv_data/experience")).isEmpty();
        assertThat(removed.path("progress").asInt()).isEqualTo(86);
        assertThat(removed.path("missing_fields")).extracting(JsonNode::asString).containsExactly("experience");
        assertThat(requestWithPrompt(REMOVE_DATATECH).responseSchema().at("/properties/remove/type").asString())
                .isEqualTo("array");

        JsonNode stored = api(user).get("/chat/session/" + sessionId).json();
        assertThat(stored.path("current_cv_data")).isEqualTo(removed.path("cv_data"));
        assertThat(stored.at("/current_cv_data/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        assertThat(stored.path("progress").asInt()).isEqualTo(86);
    }

    @Test
    void shouldRecordAnEditByHandAsADataEventAndDrawThePreviewWithTheExportTemplate() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        send(user, sessionId, SARAH_CONTACT);

        tools.jackson.databind.node.ObjectNode edit = ApiClient.body();
        edit.putObject("cv_data").put("summary", "Data scientist.").put("unknown", "dropped")
                .putObject("personal_info").put("email", "sarah.j@example.com");
        ApiResponse edited = api(user).patch("/chat/session/" + sessionId + "/data", edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().at("/cv_data/personal_info/email").asString()).isEqualTo("sarah.j@example.com");
        assertThat(edited.json().at("/cv_data/personal_info/phone").asString()).isEqualTo("+1-555-9999");
        assertThat(edited.json().at("/cv_data/summary").asString()).isEqualTo("Data scientist.");
        assertThat(edited.json().path("cv_data").has("unknown")).isFalse();
        assertThat(edited.json().path("fields_collected")).extracting(JsonNode::asString)
                .containsExactly("personal_info", "summary");
        assertThat(edited.json().path("progress").asInt()).isEqualTo(46);
        assertThat(api(user).get("/chat/session/" + sessionId).json().path("current_cv_data"))
                .isEqualTo(edited.json().path("cv_data"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(conversationEvents(sessionId))
                .extracting(EventEnvelope::type).last().isEqualTo("cv.data-updated"));

        ApiResponse preview = api(user).get("/chat/session/" + sessionId + "/preview?template=modern");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("template-modern").contains("Sarah Johnson")
                .contains("href=\"mailto:sarah.j@example.com\"");
        assertThat(api(user).get("/chat/session/" + sessionId + "/preview?template=nope").status()).isEqualTo(400);
        assertThat(api(user).patch("/chat/session/" + sessionId + "/data", ApiClient.body()).status()).isEqualTo(400);
        assertThat(api(UUID.randomUUID().toString()).patch("/chat/session/" + sessionId + "/data", edit).status())
                .isEqualTo(404);
    }

    @Test
    void shouldPublishEveryChangeAndRebuildTheSameSessionFromTheLog() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        send(user, sessionId, SARAH_CONTACT);
        api(user).post("/chat/session/" + sessionId + "/finalize", "{}");
        String before = api(user).get("/chat/session/" + sessionId).body();

        List<EventEnvelope<ConversationEvent>> log = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            log.clear();
            log.addAll(conversationEvents(sessionId));
            return log.size() >= 8;
        });
        assertThat(log).extracting(EventEnvelope::type).containsExactly("cv.session-started", "cv.message-added",
                "cv.data-updated", "cv.message-added", "cv.message-added", "cv.data-updated", "cv.message-added",
                "cv.session-finalized");
        assertThat(log).allSatisfy(e -> assertThat(e.userId()).isEqualTo(user));

        mongo.getCollection("cv_sessions").deleteOne(Filters.eq("_id", sessionId));
        assertThat(api(user).get("/chat/session/" + sessionId).status()).isEqualTo(404);
        List<EventEnvelope<ConversationEvent>> shuffled = new ArrayList<>(log);
        Collections.shuffle(shuffled);
        shuffled.forEach(projector::apply);
        log.forEach(projector::apply);
        assertThat(api(user).get("/chat/session/" + sessionId).body()).isEqualTo(before);
    }

    @Test
    void shouldExpireASessionSevenDaysAfterItsLastActivity() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        clock.advance(Duration.ofDays(6));
        assertThat(send(user, sessionId, SARAH_CONTACT).status()).as("activity on day 6").isEqualTo(200);
        clock.advance(Duration.ofDays(6));
        assertThat(api(user).get("/chat/session/" + sessionId).status()).as("6 days after the last activity")
                .isEqualTo(200);
        assertThat(api(user).get("/chat/sessions").json().path("sessions")).hasSize(1);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        ApiResponse expired = api(user).get("/chat/session/" + sessionId);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.error()).isEqualTo("Chat session not found or expired");
        assertThat(send(user, sessionId, "hello again").error()).isEqualTo("Chat session not found or expired");
        assertThat(api(user).post("/chat/session/" + sessionId + "/finalize", "{}").status()).isEqualTo(404);
        assertThat(api(user).get("/chat/sessions").json().path("sessions")).isEmpty();
    }

    @Test
    void shouldHideOtherUsersAndUnknownSessions() {
        String owner = UUID.randomUUID().toString();
        String sessionId = start(owner, SARAH_HELLO, "cv").json().path("session_id").asString();
        String stranger = UUID.randomUUID().toString();
        for (ApiResponse response : List.of(
                api(stranger).get("/chat/session/" + sessionId),
                send(stranger, sessionId, "hi"),
                api(stranger).post("/chat/session/" + sessionId + "/finalize", "{}"),
                api(owner).get("/chat/session/" + UUID.randomUUID()),
                api(owner).get("/chat/session/not-a-uuid"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"Chat session not found or expired\"}");
        }
        assertThat(api(stranger).get("/chat/sessions").json().path("sessions")).isEmpty();
    }

    @Test
    void shouldRejectBadInputWithTheSpecsErrorFormat() {
        String user = UUID.randomUUID().toString();
        ApiResponse badType = start(user, "Hi", "resume");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.error()).isEqualTo("doc_type must be one of: \"cv\", \"cover_letter\"");
        assertThat(api(user).post("/chat/start", ApiClient.body().put("initial_message", "Hi")).error())
                .contains("doc_type");
        ApiResponse empty = start(user, "  ", "cv");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).isEqualTo("initial_message is required and must not be empty");
        ApiResponse malformed = api(user).post("/chat/start", "{\"initial_message\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).isEqualTo("Request body is missing or is not valid JSON");
        ApiResponse oversized = start(user, "x".repeat(8001), "cv");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.error()).isEqualTo("Message is too long: at most 8000 characters are allowed");
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        ApiResponse emptyMessage = send(user, sessionId, "");
        assertThat(emptyMessage.status()).isEqualTo(400);
        assertThat(emptyMessage.error()).isEqualTo("message is required and must not be empty");
        ApiResponse anonymous = api(null).post("/chat/start", ApiClient.body().put("initial_message", "Hi").put("doc_type", "cv"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void shouldAnswerTheSpecsErrorWhenNoApiKeyIsSetAndRecordNothing() {
        String user = UUID.randomUUID().toString();
        ApiResponse response = start(user, "I have no key", "cv");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Gemini API key not set. Please set your API key first.\"}");
        assertThat(api(user).get("/chat/sessions").json().path("sessions")).isEmpty();
    }

    @Test
    void shouldGiveUpWithA504AndCancelWhenTheModelNeverAnswers() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        ApiResponse response = send(user, sessionId, "silence please");
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.error()).isEqualTo("The AI assistant did not answer in time. Please try again.");
        String requestId = requestWithPrompt("silence please").requestId();
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.received().stream()
                .anyMatch(e -> e.payload() instanceof LlmCancel cancel && cancel.requestId().equals(requestId)));
        assertThat(api(user).get("/chat/session/" + sessionId).json().path("conversation_history")).hasSize(2);
    }

    @Test
    void shouldStreamTheRepliesWordsThenTheResponseWhenAskedForEventStream() {
        String user = UUID.randomUUID().toString();
        String sessionId = start(user, SARAH_HELLO, "cv").json().path("session_id").asString();
        ApiResponse stream = api(user).post("/chat/message",
                ApiClient.body().put("session_id", sessionId).put("message", SARAH_CONTACT), "Accept", "text/event-stream");
        assertThat(stream.status()).isEqualTo(200);
        List<String> events = stream.body().lines().filter(l -> l.startsWith("event:")).toList();
        assertThat(events).last().isEqualTo("event:done");
        assertThat(events.stream().filter(e -> e.equals("event:chunk")).count()).isGreaterThan(3);
        StringBuilder text = new StringBuilder();
        String done = null;
        String event = null;
        for (String line : stream.body().lines().toList()) {
            if (line.startsWith("event:")) {
                event = line.substring(6);
            } else if (line.startsWith("data:")) {
                JsonNode data = JSON.readTree(line.substring(5));
                if ("chunk".equals(event)) {
                    text.append(data.path("text").asString());
                } else {
                    done = line.substring(5);
                }
            }
        }
        assertThat(text.toString()).isEqualTo("Noted: " + SARAH_CONTACT);
        assertThat(JSON.readTree(done).path("progress").asInt()).isEqualTo(33);

        ApiResponse foreign = api(UUID.randomUUID().toString()).post("/chat/message",
                ApiClient.body().put("session_id", sessionId).put("message", "hi"), "Accept", "text/event-stream");
        assertThat(foreign.status()).as("someone else's session: refused before any stream opens").isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"error\":\"Chat session not found or expired\"}");
    }

    @Test
    void shouldStartACoverLetterWithItsOwnShape() {
        String user = UUID.randomUUID().toString();
        ApiResponse response = start(user, "I want to write a cover letter", "cover_letter");
        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().path("cv_data");
        assertThat(data.has("body_paragraphs")).isTrue();
        assertThat(data.at("/company/name").isString()).isTrue();
        assertThat(response.json().path("progress").asInt()).isZero();
        JsonNode session = api(user).get("/chat/sessions").json();
        assertThat(session.at("/sessions/0/doc_type").asString()).isEqualTo("cover_letter");
    }

    private LlmRequest requestWithPrompt(String prompt) {
        return worker.received().stream().map(EventEnvelope::payload)
                .filter(p -> p instanceof LlmRequest r && r.prompt().equals(prompt))
                .map(LlmRequest.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<EventEnvelope<ConversationEvent>> conversationEvents(String sessionId) {
        List<EventEnvelope<ConversationEvent>> events = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS.name()));
            for (int i = 0; i < 20; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (sessionId.equals(r.key())) {
                        events.add((EventEnvelope<ConversationEvent>) (EventEnvelope<?>) r.value());
                    }
                });
            }
        }
        return events;
    }
}
