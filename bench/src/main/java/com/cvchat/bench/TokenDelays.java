package com.cvchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delays of the tokens delivered in a run, one sample per token (a chunk of four words gives four):
 * <ul>
 *   <li>{@code delivery} — the worker sending the chunk (its envelope stamp) → the SSE client having parsed it: the
 *   bus, chat-service, the gateway, the sockets. This is what G3 holds against the raw Kafka floor.</li>
 *   <li>{@code hold} — the model emitting the word → the worker sending its chunk: the coalescing window. The offline
 *   model emits at a fixed pace and its first word is sent at once (the first piece is never held) while its last is
 *   sent as soon as emitted (the rest is flushed before the end), so word k of n is taken to be emitted at
 *   {@code first send + k × (last send − first send) / (n − 1)}; the hold is its chunk's send instant minus that.</li>
 *   <li>{@code emitToClient} — the two added: model emit → SSE client.</li>
 * </ul>
 * Both instants are the machine's wall clock in microseconds (the worker's {@code Instant.now()}, the client's
 * {@code System.nanoTime()} mapped onto it), so they compare across processes. {@code unmatched} counts received
 * chunks whose send was not found in the log.
 */
record TokenDelays(Percentiles delivery, Percentiles hold, Percentiles emitToClient, int unmatched) {

    static TokenDelays of(List<ChunkPathBench.Received> received, Map<String, TreeMap<Long, ReplyLog.Sent>> sent) {
        List<Double> delivery = new ArrayList<>();
        List<Double> hold = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        int unmatched = 0;
        for (ChunkPathBench.Received chunk : received) {
            TreeMap<Long, ReplyLog.Sent> answer = sent.get(chunk.messageId());
            ReplyLog.Sent send = answer == null ? null : answer.get(chunk.end());
            if (send == null) {
                unmatched++;
                continue;
            }
            double deliveryMs = (chunk.epochMicros() - send.epochMicros()) / 1000.0;
            for (double heldMs : holds(answer, chunk.end())) {
                delivery.add(deliveryMs);
                hold.add(heldMs);
                total.add(heldMs + deliveryMs);
            }
        }
        return new TokenDelays(Percentiles.of(delivery), Percentiles.of(hold), Percentiles.of(total), unmatched);
    }

    /** The hold of each word of the chunk ending at {@code end} of {@code answer} (ms), from the pace it kept. */
    private static List<Double> holds(TreeMap<Long, ReplyLog.Sent> answer, long end) {
        long first = answer.firstEntry().getValue().epochMicros();
        long last = answer.lastEntry().getValue().epochMicros();
        int words = answer.values().stream().mapToInt(ReplyLog.Sent::words).sum();
        double pace = words > 1 ? (last - first) / (double) (words - 1) : 0;
        int before = answer.headMap(end).values().stream().mapToInt(ReplyLog.Sent::words).sum();
        ReplyLog.Sent chunk = answer.get(end);
        List<Double> holds = new ArrayList<>();
        for (int k = before; k < before + chunk.words(); k++) {
            holds.add(Math.max(0, chunk.epochMicros() - (first + k * pace)) / 1000.0);
        }
        return holds;
    }
}
