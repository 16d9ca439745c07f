package com.cvchat.chat.stream.http;

import com.cvchat.chat.stream.answer.AnswerEnding;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.rules.disclaimer.Disclaimer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The frames are written without a JSON library: a client's JSON parser must read back exactly what was meant. */
class SseEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StreamRecord PREGNANCY_QUESTION = new StreamRecord("r-1", "m-1", "c-1", "u-1",
            "What should I eat in my first trimester?", "t-1", 0, 0, StreamRecord.RUNNING, Instant.EPOCH);
    private final String messageId = UUID.randomUUID().toString();

    @ParameterizedTest
    @ValueSource(strings = {"plain words", "", "\"quoted\" and \\back\\slashes\\", "line\nbreak\r\nand\ttab",
            "\u0000\u0001\u001b\u001f\u007f control", "\b\f", "</script><script>alert(1)</script>",
            "data: fake\n\nid: x:end\n\n", "é, 中文, emoji 😀, \u2028\u2029", "{\"type\":\"done\"}", "\\u0041"})
    void shouldCarryAnyChunkTextUnchangedInOneEvent(String content) {
        String frame = text(SseEvents.chunk(messageId, 4, content));

        assertThat(frame).startsWith("id: " + messageId + ":4\ndata: ").endsWith("}\n\n");
        assertThat(frame.substring(0, frame.length() - 2)).as("one id line and one data line").hasLineCount(2);
        JsonNode data = data(frame);
        assertThat(data.path("type").asString()).isEqualTo("chunk");
        assertThat(data.path("content").asString()).isEqualTo(content);
        assertThat(data.properties()).hasSize(2);
    }

    @Test
    void shouldEndACompletedAnswerWithDoneCarryingItsDisclaimerAndTitle() {
        AnswerEnding ending = AnswerEnding.of(PREGNANCY_QUESTION, new LlmCompleted("r-1", "chat", "Eat small meals.",
                1, TokenUsage.NONE, null, "offline"));

        JsonNode done = data(text(SseEvents.ending(messageId, ending, "First trimester diet")));

        assertThat(done.path("type").asString()).isEqualTo("done");
        assertThat(done.path("disclaimer").path("primary_category").asString()).isEqualTo("pregnancy");
        assertThat(done.path("title").asString()).isEqualTo("First trimester diet");
    }

    @Test
    void shouldEndAFailedAnswerWithTheTextUsersReadNotTheWorkersDetail() {
        AnswerEnding ending = AnswerEnding.of(PREGNANCY_QUESTION, new LlmFailed("r-1", "chat",
                FailureReason.API_KEY_MISSING, "internal detail", false, ""));

        String frame = text(SseEvents.ending(messageId, ending, null));

        assertThat(frame).startsWith("id: " + messageId + ":end\n").doesNotContain("internal detail");
        assertThat(data(frame).path("type").asString()).isEqualTo("error");
        assertThat(data(frame).path("message").asString())
                .isEqualTo("Gemini API key not set. Please set your API key first.");
    }

    @Test
    void shouldEndACancelledAnswerWithDoneWithoutATitle() {
        AnswerEnding ending = AnswerEnding.of(PREGNANCY_QUESTION, new LlmFailed("r-1", "chat",
                FailureReason.CANCELLED, "cancelled", false, "Eat small"));

        JsonNode done = data(text(SseEvents.ending(messageId, ending, "ignored")));

        assertThat(done.path("cancelled").asBoolean()).isTrue();
        assertThat(done.has("title")).isFalse();
    }

    @Test
    void shouldWriteStartWithTheTitleOnlyForAFirstMessage() {
        assertThat(data(text(SseEvents.start(messageId, true, "Chat \"about\" it"))).toString())
                .isEqualTo("{\"type\":\"start\",\"message_id\":\"" + messageId + "\",\"title\":\"Chat \\\"about\\\" it\"}");
        assertThat(data(text(SseEvents.start(messageId, false, "ignored"))).has("title")).isFalse();
        assertThat(text(SseEvents.start(messageId, true, null))).startsWith("id: " + messageId + ":0\n");
    }

    @Test
    void shouldWriteDoneWithDisclaimerTitleAndCancelledWhenGiven() {
        Disclaimer disclaimer = new Disclaimer("medical", List.of("medical", "mental_health"), "See a \"doctor\".\n");
        String frame = text(SseEvents.done(messageId, disclaimer, "A title", false));

        assertThat(frame).startsWith("id: " + messageId + ":end\n");
        JsonNode data = data(frame);
        assertThat(data.path("type").asString()).isEqualTo("done");
        assertThat(data.path("message_id").asString()).isEqualTo(messageId);
        assertThat(data.path("disclaimer").path("primary_category").asString()).isEqualTo("medical");
        assertThat(data.path("disclaimer").path("detected_categories").valueStream().map(JsonNode::asString))
                .containsExactly("medical", "mental_health");
        assertThat(data.path("disclaimer").path("message").asString()).isEqualTo("See a \"doctor\".\n");
        assertThat(data.path("title").asString()).isEqualTo("A title");
        assertThat(data.has("cancelled")).isFalse();

        JsonNode cancelled = data(text(SseEvents.done(messageId, null, null, true)));
        assertThat(cancelled.properties()).hasSize(3);
        assertThat(cancelled.path("cancelled").asBoolean()).isTrue();
    }

    @Test
    void shouldWriteErrorAsTheLastEvent() {
        String frame = text(SseEvents.error(messageId, "The AI did not answer in time."));

        assertThat(frame).startsWith("id: " + messageId + ":end\n");
        assertThat(data(frame).toString()).isEqualTo("{\"type\":\"error\",\"message\":\"The AI did not answer in time.\"}");
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static JsonNode data(String frame) {
        String dataLine = frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        return JSON.readTree(dataLine.substring("data: ".length()));
    }
}
