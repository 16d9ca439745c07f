package com.cvchat.events;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.json.EventFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event type has a golden JSON file under {@code src/test/resources/golden/<type>.json}; the sample must serialize
 * to exactly that JSON and the file must read back to the same sample. A wire change is therefore a visible diff.
 * Regenerate deliberately with {@code -Devents.golden.update=true}.
 */
class GoldenSamplesTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden");

    @Test
    void shouldHaveOneSamplePerEventType() {
        List<String> sampled = SampleEvents.payloads().stream()
                .map(p -> EventTypes.wireTypeOf(p.getClass()).name()).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventTypes.names());
    }

    @TestFactory
    Stream<DynamicTest> shouldRoundTripEveryGoldenSample() {
        List<EventPayload> payloads = SampleEvents.payloads();
        return IntStream.range(0, payloads.size()).mapToObj(i -> {
            EventEnvelope<EventPayload> sample = SampleEvents.envelope(payloads.get(i), i);
            return DynamicTest.dynamicTest(sample.type(), () -> {
                String actual = EventJson.toJson(sample);
                if (Boolean.getBoolean("events.golden.update")) {
                    JsonNode tree = EventJson.mapper().readTree(actual);
                    Files.createDirectories(GOLDEN_DIR);
                    Files.writeString(GOLDEN_DIR.resolve(sample.type() + ".json"),
                            EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
                }
                String golden = golden(sample.type());
                assertThat(EventJson.mapper().readTree(actual)).isEqualTo(EventJson.mapper().readTree(golden));
                assertThat(EventJson.fromJson(golden)).isEqualTo(sample);
            });
        });
    }

    @Test
    void shouldRejectUnknownTypeWithClearMessage() {
        String json = golden("chat.title-set").replace("\"chat.title-set\"", "\"chat.no-such-thing\"");
        assertThatThrownBy(() -> EventJson.fromJson(json))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("Unknown event type 'chat.no-such-thing'");
    }

    @Test
    void shouldRejectGarbage() {
        assertThatThrownBy(() -> EventJson.fromJson("{not json")).isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventJson.fromJson("[]")).isInstanceOf(EventFormatException.class);
    }

    @Test
    void shouldIgnoreFieldsAddedByNewerProducers() {
        String json = golden("chat.title-set").replace("\"generated\"", "\"added_later\" : 7, \"generated\"");
        assertThat(EventJson.fromJson(json).payload()).isEqualTo(new com.cvchat.events.conversation.TitleSet("Pregnancy Questions", true));
    }

    @Test
    void shouldNeverNameJavaClassesOnTheWire() {
        SampleEvents.payloads().forEach(p -> {
            String json = EventJson.toJson(SampleEvents.envelope(p, 0));
            assertThat(json).doesNotContain("com.cvchat").doesNotContain(p.getClass().getSimpleName());
        });
    }

    private static String golden(String type) {
        Path file = GOLDEN_DIR.resolve(type + ".json");
        assertThat(file).as("golden file for %s", type).exists();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
