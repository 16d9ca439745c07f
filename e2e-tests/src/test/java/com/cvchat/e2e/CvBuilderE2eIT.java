package com.cvchat.e2e;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversational CV builder on the whole stack (gateway → cv-builder-service → Kafka → llm-worker with the
 * offline model → back), driven like a client.
 */
class CvBuilderE2eIT {

    @Test
    void shouldBuildSarahJohnsonsCvFromTheSpecConversationAndFinalizeItTwice() {
        ApiClient api = E2eUsers.as(E2eUsers.newUser());

        // Given the spec's opening message
        ApiResponse started = api.startSession("Hi! I am Sarah Johnson, a Senior Data Scientist", "cv");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode start = started.json();
        String sessionId = start.path("session_id").asString();
        assertThat(start.path("progress").asInt()).isEqualTo(16);
        assertThat(start.path("is_complete").asBoolean()).isFalse();
        assertThat(start.at("/cv_data/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(start.at("/cv_data/personal_info/title").asString()).isEqualTo("Senior Data Scientist");
        assertThat(start.path("message").asString()).isEqualTo("Great to meet you, Sarah! I'd love to help you "
                + "create your CV. Could you share your contact information - email, phone number, and location?");

        // When she gives her contact details, as in the spec
        JsonNode contact = api.sessionMessage(sessionId,
                "My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA").json();
        assertThat(contact.path("progress").asInt()).isEqualTo(33);
        assertThat(contact.path("fields_collected")).extracting(JsonNode::asString).containsExactly("personal_info");
        assertThat(contact.path("missing_fields")).extracting(JsonNode::asString)
                .containsExactly("summary", "experience", "education", "skills", "key_projects_achievements");
        assertThat(contact.at("/cv_data/personal_info/location").asString()).isEqualTo("Boston, MA");
        assertThat(contact.path("message").asString()).isEqualTo("Perfect! I have your contact details. Now let's "
                + "talk about your work experience. Can you tell me about your current or most recent position?");

        // And the rest of her CV, with a correction and a removal on the way
        int progress = 33;
        for (String message : List.of(
                "I'm a Senior Data Scientist at DataTech since January 2020. I led a team of 5 data scientists.",
                "I was a Data Analyst at Acme Corp from 2016 to 2019.",
                "Please remove the Acme Corp job.",
                "Actually my phone is +1-555-0000",
                "I have a Master's in Computer Science from MIT, graduated in May 2016",
                "My skills include machine learning and statistics. I use Python, SQL and Spark. I speak English (native).",
                "One key project: Churn Radar - a churn model that cut churn by 12% using Python and XGBoost.",
                "Data scientist with eight years of experience turning data into products.")) {
            JsonNode reply = api.sessionMessage(sessionId, message).json();
            assertThat(reply.path("progress").asInt()).as(message).isGreaterThanOrEqualTo(progress);
            progress = reply.path("progress").asInt();
        }
        JsonNode session = api.get("/chat/session/" + sessionId).json();
        JsonNode cv = session.path("current_cv_data");
        assertThat(session.path("progress").asInt()).isEqualTo(100);
        assertThat(session.path("fields_collected")).hasSize(6);
        assertThat(cv.at("/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        assertThat(cv.at("/personal_info/email").asString()).isEqualTo("sarah@datatech.com");
        assertThat(cv.path("experience")).extracting(job -> job.path("company").asString()).containsExactly("DataTech");
        assertThat(cv.at("/experience/0/start_date").asString()).isEqualTo("01/2020");
        assertThat(cv.at("/experience/0/end_date").asString()).isEqualTo("Present");
        assertThat(cv.at("/experience/0/description_bullets/0").asString()).isEqualTo("Led a team of 5 data scientists");
        assertThat(cv.at("/education/0/institution").asString()).isEqualTo("MIT");
        assertThat(cv.at("/education/0/graduation_date").asString()).isEqualTo("05/2016");
        assertThat(cv.at("/skills/software_proficiency")).extracting(JsonNode::asString).containsExactly("Python", "SQL", "Spark");
        assertThat(cv.at("/key_projects_achievements/0/name").asString()).isEqualTo("Churn Radar");
        assertThat(cv.path("summary").asString()).startsWith("Data scientist with eight years");
        assertThat(session.path("conversation_history")).hasSize(20);
        assertThat(session.at("/conversation_history/0/parts/0/text").asString())
                .isEqualTo("Hi! I am Sarah Johnson, a Senior Data Scientist");

        // Then finalize creates the document, and finalizing again adds version 2
        ApiResponse first = api.finalizeSession(sessionId,
                "{\"title\": \"Sarah Johnson - Data Scientist CV\", \"template_code\": \"professional\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("message").asString()).isEqualTo("CV created successfully from chat session");
        assertThat(first.json().at("/document/current_version").asInt()).isEqualTo(1);
        assertThat(first.json().at("/document/slug").asString()).isEqualTo("sarah-johnson-data-scientist-cv");
        assertThat(first.json().path("cv_data")).isEqualTo(cv);
        JsonNode second = api.finalizeSession(sessionId, "{}").json();
        assertThat(second.at("/document/id").asString()).isEqualTo(first.json().at("/document/id").asString());
        assertThat(second.at("/document/current_version").asInt()).isEqualTo(2);
        JsonNode sessions = api.get("/chat/sessions").json().path("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.at("/0/status").asString()).isEqualTo("completed");
        assertThat(sessions.at("/0/progress").asInt()).isEqualTo(100);
    }

    @Test
    void shouldRunTheSpecsCvChatManagerExampleUnchangedWithNode() throws Exception {
        ApiClient.Account user = E2eUsers.newUser();
        String example;
        try (InputStream in = getClass().getResourceAsStream("/cvbuilder/cv-chat-manager.js")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The example hard-codes http://localhost:3000; the e2e gateway runs on a free port, so only fetch's target
        // host is redirected. The example's own code runs as written in the spec.
        String script = """
                const realFetch = globalThis.fetch;
                globalThis.fetch = (url, options) =>
                    realFetch(String(url).replace('http://localhost:3000', process.env.GATEWAY_URL), options);
                const accessToken = process.env.ACCESS_TOKEN;
                """ + example + """

                console.log('RESULT ' + JSON.stringify({ start, msg1, doc }));
                """;
        Path file = Files.createTempFile("cv-chat-manager", ".mjs");
        Files.writeString(file, script);
        ProcessBuilder node = new ProcessBuilder("node", file.toString()).redirectErrorStream(true);
        node.environment().put("GATEWAY_URL", E2eStack.url(com.cvchat.localstack.ServiceSpec.GATEWAY));
        node.environment().put("ACCESS_TOKEN", user.accessToken());
        Process process = node.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Document created:");
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow().substring(7);
        JsonNode json = ApiClient.JSON.readTree(result);
        assertThat(json.at("/start/cv_data/personal_info/title").asString()).isEqualTo("Software Engineer");
        assertThat(json.at("/msg1/cv_data/personal_info/email").asString()).isEqualTo("john@example.com");
        assertThat(json.at("/doc/document/title").asString()).isEqualTo("My Professional CV");
        assertThat(json.at("/doc/document/current_version").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(json.at("/doc/document/id").asString())).isNotNull();
    }

    @Test
    void shouldAnswerBadRequestsAndOtherUsersSessionsInTheSpecsFormat() {
        ApiClient owner = E2eUsers.as(E2eUsers.newUser());
        ApiClient stranger = E2eUsers.as(E2eUsers.newUser());
        String sessionId = owner.startSession("Hi! I am Sarah Johnson, a Senior Data Scientist", "cv").json()
                .path("session_id").asString();

        for (ApiResponse notFound : List.of(stranger.get("/chat/session/" + sessionId),
                stranger.sessionMessage(sessionId, "hello"), stranger.finalizeSession(sessionId, "{}"),
                owner.get("/chat/session/" + UUID.randomUUID()))) {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.body()).isEqualTo("{\"error\":\"Chat session not found or expired\"}");
        }
        ApiResponse badType = owner.startSession("Hi", "resume");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("error").asString()).isEqualTo("doc_type must be one of: \"cv\", \"cover_letter\"");
        ApiResponse empty = owner.sessionMessage(sessionId, " ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").asString()).isEqualTo("message is required and must not be empty");
        ApiResponse malformed = owner.post("/chat/message", "{\"session_id\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").asString()).isNotBlank();
        ApiResponse oversized = owner.sessionMessage(sessionId, "word ".repeat(2000));
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.json().path("error").asString()).startsWith("Message is too long");
        assertThat(owner.get("/chat/session/" + sessionId).json().path("conversation_history")).hasSize(2);
    }
}
