package com.cvchat.bench;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.ReplyTo;
import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Item 5: completed requests per second with 1, 2 and 4 llm-worker processes (the offline provider at a fixed word
 * pace, so every answer takes the same time, and {@code max-in-flight} per instance as a model server's capacity).
 * The load is closed-loop: {@code outstanding} requests are always waiting (each completion sends a new one, with a
 * new random conversation key), straight on {@code llm.requests}; completions are counted on {@code llm.outcomes}
 * over a fixed window after a warm-up. Requests carry origin {@code cv} and no service of that origin runs meanwhile.
 */
final class WorkerScalingBench {

    static final int MAX_IN_FLIGHT = 4;
    static final String WORD_DELAY = "PT0.025S";
    private static final String PROMPT = "Tell me how a benchmark of worker scaling should be run";

    record Level(int workers, double perSecond, double answerMs) {
    }

    private WorkerScalingBench() {
    }

    static List<Level> run(LocalStack stack, List<Integer> levels, Duration warmUp, Duration window) {
        List<Level> results = new ArrayList<>();
        List<ServiceProcess> workers = new ArrayList<>();
        Map<String, String> env = Map.of("LLM_PROVIDER", "offline", "LLM_OFFLINE_WORD_DELAY", WORD_DELAY,
                "LLM_WORKER_MAXINFLIGHT", Integer.toString(MAX_IN_FLIGHT));
        try (Load load = new Load(stack.kafkaBootstrapServers())) {
            for (int level : levels) {
                while (workers.size() < level) {
                    workers.add(stack.startInstance(ServiceSpec.LLM_WORKER, "llm-worker-" + (workers.size() + 1), env));
                }
                results.add(load.measure(level, 4 * MAX_IN_FLIGHT * level, warmUp, window));
                System.out.printf("  worker scaling: %s%n", results.getLast());
            }
        } finally {
            workers.forEach(ServiceProcess::close);
        }
        return results;
    }

    /** The closed-loop client: a producer of requests and a consumer of their outcomes. */
    private static final class Load implements AutoCloseable {
        /** The chunks go to a reply partition nobody reads; each outcome also to llm.outcomes, which is read. */
        private static final ReplyTo REPLY_TO = new ReplyTo(Topics.CV_REPLIES.name(), 0, Topics.LLM_OUTCOMES.name());
        private final KafkaProducer<String, EventEnvelope<?>> producer;
        private final KafkaConsumer<String, EventEnvelope<EventPayload>> consumer;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final Set<String> mine = ConcurrentHashMap.newKeySet();

        Load(String bootstrap) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new EventSerializer());
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-workers-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(), new EventDeserializer());
            consumer.subscribe(List.of(Topics.LLM_OUTCOMES.name())); // the outcomes only: no chunk is read
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);
        }

        Level measure(int workers, int outstanding, Duration warmUp, Duration window) {
            mine.clear();
            for (int i = 0; i < outstanding; i++) {
                send();
            }
            long windowStart = System.nanoTime() + warmUp.toNanos();
            long windowEnd = windowStart + window.toNanos();
            int completed = 0;
            double answerMsSum = 0;
            while (System.nanoTime() < windowEnd) {
                for (ConsumerRecord<String, EventEnvelope<EventPayload>> record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.value().payload() instanceof LlmResponseEvent event
                            && (event instanceof LlmCompleted || event instanceof LlmFailed)
                            && mine.remove(event.requestId())) {
                        long now = System.nanoTime();
                        Long sent = sentAt.remove(event.requestId());
                        if (now >= windowStart && event instanceof LlmCompleted) {
                            completed++;
                            answerMsSum += sent == null ? 0 : (now - sent) / 1e6;
                        }
                        send();
                    }
                }
            }
            mine.clear(); // what is still running finishes unseen; the next level waits for nothing of it
            double seconds = window.toNanos() / 1e9;
            return new Level(workers, completed / seconds, completed == 0 ? Double.NaN : answerMsSum / completed);
        }

        private void send() {
            String requestId = UUID.randomUUID().toString();
            String conversation = UUID.randomUUID().toString();
            mine.add(requestId);
            sentAt.put(requestId, System.nanoTime());
            EventEnvelope<LlmRequest> envelope = EventEnvelope.of(conversation, "bench-user", requestId,
                    new LlmRequest(requestId, "cv", LlmTask.CHAT_REPLY, "You are a benchmark.", List.of(), PROMPT,
                            null, null).to(REPLY_TO));
            producer.send(new ProducerRecord<>(Topics.LLM_REQUESTS.name(), envelope.key(), envelope));
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Item 5: runs it and adds its rows to {@code table}. */
    static void report(BenchSettings s, ResultTable table, LocalStack stack) {
        List<WorkerScalingBench.Level> levels = WorkerScalingBench.run(stack, s.workerLevels(), s.workerWarmUp(),
                s.workerWindow());
        double one = levels.getFirst().perSecond();
        for (WorkerScalingBench.Level level : levels) {
            table.add("5 completed requests/s with " + level.workers() + " llm-worker(s) (max " 
                    + WorkerScalingBench.MAX_IN_FLIGHT + " in flight each)",
                    String.format("%.1f/s (request → completed %.0f ms)", level.perSecond(), level.answerMs()));
        }
        for (WorkerScalingBench.Level level : levels.subList(1, levels.size())) {
            double ratio = level.perSecond() / one;
            double goal = level.workers() == 2 ? 1.8 : level.workers() == 4 ? 3.2 : level.workers() * 0.8;
            table.add("5 worker throughput " + level.workers() + "/1", String.format("%.2f", ratio),
                    String.format("≥ %.1f", goal), ratio >= goal);
        }
    }
}
