package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.RawHttp;
import com.cvchat.platform.test.voice.VoiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * OWASP API4 / input handling: a generated corpus of malformed and hostile requests through the gateway — REST, SSE
 * and the voice WebSocket — each answered with a 4xx and a JSON {@code {"error": ...}} a person understands (or an
 * {@code error} frame), never a 5xx or anything internal; every service is healthy afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static UserData owner;
    private static final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private static final AtomicInteger cases = new AtomicInteger();

    @BeforeAll
    static void createTheUsersData() {
        owner = UserData.create("walrus");
    }

    @AfterAll
    static void printFigures() {
        System.out.println("Hostile-input corpus: " + cases.get() + " cases; outcomes " + new TreeMap<>(outcomes));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> shouldAnswerEveryHostileHttpRequestWithAClearClientError() {
        List<HostileRequest> corpus = new HostileCorpus(new HostileCorpus.Fixtures(owner.user().accessToken(),
                owner.chatId(), owner.messageId(), owner.sessionId(), owner.documentId())).all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        String gateway = E2eStack.url(ServiceSpec.GATEWAY);
        return corpus.stream().map(hostile -> dynamicTest(hostile.channel() + " " + hostile.name(), () -> {
            RawHttp.Response response = sendPatiently(hostile, gateway);
            count(hostile.channel() + " " + response.status());
            String context = hostile.name() + " → " + response;
            assertThat(response.status()).as(context).isBetween(400, 499);
            assertThat(response.headers()).as(context).doesNotContainKey("x-injected");
            assertThat(response.headers().getOrDefault("set-cookie", "")).as(context).doesNotContain("x=1");
            assertThat(response.headers().getOrDefault("x-request-id", "")).as(context).matches("[A-Za-z0-9._:-]*");
            if (hostile.notHttp() && response.body().length == 0) {
                count("not HTTP, refused by the codec without a body");
                return;
            }
            ClientErrors.assertClearError(context, response.bodyText());
        }));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> shouldAnswerEveryHostileWebSocketFrameWithAnErrorFrame() {
        AtomicReference<VoiceClient> socket = new AtomicReference<>();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("WebSocket open on the user's own conversation", () -> {
            socket.set(VoiceClient.connect(voiceUrl()));
            socket.get().awaitMessage(VoiceClient.is("status", "message", "Connected"), WAIT);
        }));
        HostileFrames.beforeStartTalking().forEach((name, frame) ->
                tests.add(dynamicTest("WebSocket " + name, () -> expectErrorFrame(socket.get(), name, frame))));
        tests.add(dynamicTest("WebSocket valid start_talking still works", () -> {
            socket.get().startTalking();
            socket.get().awaitMessage(VoiceClient.is("status", "message", "Listening... Speak now"), WAIT);
        }));
        HostileFrames.whileTalking().forEach((name, frame) ->
                tests.add(dynamicTest("WebSocket " + name, () -> expectErrorFrame(socket.get(), name, frame))));
        tests.add(dynamicTest("WebSocket ping still answered, then closed by the client", () -> {
            socket.get().send("{\"type\":\"ping\",\"timestamp\":\"still-here\"}");
            socket.get().awaitMessage(VoiceClient.is("pong", "timestamp", "still-here"), WAIT);
            socket.get().close();
        }));
        tests.add(dynamicTest("WebSocket message of 1 MiB (beyond the 512 KiB limit): the socket is closed", () -> {
            try (VoiceClient big = VoiceClient.connect(voiceUrl())) {
                big.awaitMessage(VoiceClient.is("status", "message", "Connected"), WAIT);
                try {
                    big.send(HostileFrames.oversizedFrame());
                } catch (RuntimeException e) {
                    // the server may close before taking the whole frame
                }
                cases.incrementAndGet();
                count("WebSocket close");
                // 1009 "message too big" (voice-service's container) or 1002 "protocol error" (the gateway's frame
                // aggregator, which closes the client side first): a close, not a crash, and nothing is processed
                assertThat(big.closeCode()).succeedsWithin(WAIT).isIn(1002, 1009);
            }
        }));
        return tests.stream();
    }

    @Test
    @Order(3)
    void shouldLeaveEveryServiceHealthy() throws Exception {
        ClientErrors.assertEveryServiceHealthy();
    }

    private static void expectErrorFrame(VoiceClient socket, String name, Object frame) {
        cases.incrementAndGet();
        int before = socket.ofType("error").size();
        if (frame instanceof byte[] binary) {
            socket.sendBinary(binary);
        } else {
            socket.send((String) frame);
        }
        await().atMost(WAIT).until(() -> socket.ofType("error").size() > before);
        JsonNode error = socket.ofType("error").get(before);
        count("WebSocket error frame");
        assertThat(error.path("message").asString()).as(name).isNotBlank();
        ClientErrors.assertNoInternals(name, error.toString());
        assertThat(socket.isOpen()).as(name + ": the socket stays open").isTrue();
    }

    private static String voiceUrl() {
        return E2eStack.url(ServiceSpec.GATEWAY).replaceFirst("^http", "ws") + "/api/v1/chats/ws/voice/"
                + owner.chatId() + "?token=" + owner.user().accessToken();
    }

    /** The gateway's rate limit is not what is tested here: a 429 is waited out (Retry-After) and the case re-sent. */
    private static RawHttp.Response sendPatiently(HostileRequest hostile, String gateway) {
        cases.incrementAndGet();
        AtomicReference<RawHttp.Response> response = new AtomicReference<>(hostile.send(gateway));
        if (response.get().status() == 429) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        response.set(hostile.send(gateway));
                        return response.get().status() != 429;
                    });
        }
        return response.get();
    }

    private static void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }
}
