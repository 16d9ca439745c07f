package com.cvchat.bench;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 3 (goal G4): the accept, through the gateway at one stream — {@code POST /chats/{id}/message} → the
 * {@code start} event — beside a plain authenticated {@code GET /chats/{id}} of the same conversation taken just
 * before each POST (the same hops, token check and one owned-conversation read). The first message of a conversation
 * waits for its title by design (at most {@code CHAT_STREAM_TITLE_WAIT}), so it is measured apart; the goal is held
 * against the later ones. Each answer is read to its end before the next request: one stream at a time.
 */
final class AcceptBench {

    record Result(Percentiles accept, Percentiles firstMessage, Percentiles plainGet) {
    }

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private AcceptBench() {
    }

    /** {@code conversations} conversations, {@code later} messages after the first spread over them. */
    static Result run(ApiClient user, int conversations, int later) {
        List<Double> accept = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> get = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            chats.add(user.createChat());
            add(first, turn(user, chats.getLast(), "How should a first message be accepted?"));
        }
        for (int i = 0; i < later; i++) {
            String chat = chats.get(i % conversations);
            long begin = System.nanoTime();
            user.get("/chats/" + chat).expect(200);
            get.add((System.nanoTime() - begin) / 1e6);
            add(accept, turn(user, chat, "And how should message " + i + " be accepted?"));
        }
        return new Result(Percentiles.of(accept), Percentiles.of(first), Percentiles.of(get));
    }

    private static void add(List<Double> samples, double ms) {
        if (!Double.isNaN(ms)) { // no start event: not a sample (the table shows the count)
            samples.add(ms);
        }
    }

    /** POST → {@code start} in ms; the rest of the answer is read to its end. */
    private static double turn(ApiClient user, String chat, String message) {
        long begin = System.nanoTime();
        double toStart = Double.NaN;
        try (SseClient stream = user.sendMessage(chat, message)) {
            for (SseEvent event = stream.next(EVENT_TIMEOUT); event != null; event = stream.next(EVENT_TIMEOUT)) {
                if ("start".equals(event.type())) {
                    toStart = (event.receivedNanos() - begin) / 1e6;
                }
            }
        }
        return toStart;
    }

    /** Item 3: runs it and adds its rows to {@code table}. */
    static void report(BenchSettings s, ResultTable table, ApiClient user) {
        AcceptBench.Result r = AcceptBench.run(user, s.acceptConversations(), s.acceptLater());
        table.add("3 GET /chats/{id} via gateway p50/p99 (" + r.plainGet().count() + " samples, same run)",
                r.plainGet().p50p99());
        table.add("3 G4 POST /message → start via gateway p50/p99, messages after the first (" + r.accept().count()
                + " samples)", r.accept().p50p99());
        double p50 = r.accept().p50() - r.plainGet().p50();
        double p99 = r.accept().p99() - r.plainGet().p99();
        table.add("3 G4 accept p50 − GET p50", String.format("%+.1f ms", p50), "≤ +10 ms", p50 <= 10);
        table.add("3 G4 accept p99 − GET p99", String.format("%+.1f ms", p99), "≤ +25 ms", p99 <= 25);
        table.add("3 POST → start of a conversation's first message p50/p99 (waits for the title ≤ 300 ms; "
                + r.firstMessage().count() + " samples)", r.firstMessage().p50p99());
    }
}
