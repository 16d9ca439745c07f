package com.cvchat.platform.replies;

import com.cvchat.events.Topics;
import com.cvchat.events.json.EventFormatException;
import com.cvchat.events.llm.ReplyTo;
import com.cvchat.platform.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The answers of this instance's model requests — request/reply over Kafka with reply partitions. The instances of a
 * service share its reply topic in one consumer group ({@code <service>-replies}); each request names one partition
 * that this instance owns ({@link #address}), so the worker answers there and only this instance fetches the answer.
 * Records are routed by their {@code request-id} header to the {@link Subscription} that waits for them and parsed
 * only then; a record nobody here waits for is skipped unparsed. The group commits no offsets (a live answer needs
 * none; a partition that moves starts at its end) and no tracing observation runs per record.
 *
 * <p>When a rebalance takes a partition away, its open subscriptions continue on a {@link ReplyReader} that follows
 * that partition from where each stopped; a request whose instance died is resumed the same way by any instance
 * ({@link #replay}). An instance that owns no partition is not ready ({@link #address} answers 503 after the wait).
 */
public final class ReplyChannel implements SmartLifecycle, Subscription.Holder {

    private static final Logger log = LoggerFactory.getLogger(ReplyChannel.class);

    /** Where a new request's answer goes, and the offset from which its events lie on that partition. */
    public record Address(ReplyTo replyTo, long fromOffset) {
        public int partition() {
            return replyTo.partition();
        }
    }

    private final String topic;
    private final String outcomeTopic;
    private final Map<String, Object> groupConfig;
    private final Map<String, Object> readerConfig;
    private final Duration readyTimeout;
    private final Map<String, Subscription> live = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Set<Integer> owned = new TreeSet<>();
    private final AtomicInteger nextChoice = new AtomicInteger();
    private final Counter routed;
    private final Counter unclaimed;
    private final Counter malformed;
    private volatile int[] choices = new int[0];
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread loop;
    private volatile boolean running;
    private volatile boolean stopped;

    /**
     * @param topic        this service's reply topic
     * @param keepOutcomes whether this service's answers also go to {@code llm.outcomes} (to be stored whatever
     *                     happens to the asking instance)
     * @param groupConfig  consumer configuration of the reply group (bootstrap, group id, fetch settings)
     * @param readerConfig consumer configuration of replays and hand-overs (no group)
     */
    public ReplyChannel(String topic, boolean keepOutcomes, Map<String, Object> groupConfig,
                        Map<String, Object> readerConfig, Duration readyTimeout, MeterRegistry meters) {
        this.topic = topic;
        this.outcomeTopic = keepOutcomes ? Topics.LLM_OUTCOMES.name() : null;
        this.groupConfig = Map.copyOf(groupConfig);
        this.readerConfig = Map.copyOf(readerConfig);
        this.readyTimeout = readyTimeout;
        this.routed = records(meters, "routed");
        this.unclaimed = records(meters, "unclaimed");
        this.malformed = records(meters, "malformed");
        Gauge.builder("platform.replies.partitions", () -> choices.length)
                .description("Reply partitions this instance owns").tag("topic", topic).register(meters);
        Gauge.builder("platform.replies.subscriptions", live::size)
                .description("Requests whose live answer this instance waits for").tag("topic", topic).register(meters);
    }

    private Counter records(MeterRegistry meters, String result) {
        return Counter.builder("platform.replies.records").tag("topic", topic).tag("result", result)
                .description("Reply records fetched by this instance: routed to a waiting request (and parsed), "
                        + "unclaimed (no request here waits for it; not parsed), malformed")
                .register(meters);
    }

    public String topic() {
        return topic;
    }

    /**
     * Where the answer of a new request goes: a partition this instance owns (in turn), and the offset from which the
     * answer lies there (this instance's position on it, which no answer of a request sent from now on can precede).
     * Waits, bounded, while the instance has no partition yet; then a 503.
     */
    public Address address() {
        int[] current = awaitPartitions();
        int partition = current[Math.floorMod(nextChoice.getAndIncrement(), current.length)];
        return new Address(new ReplyTo(topic, partition, outcomeTopic), positions.getOrDefault(partition, 0L));
    }

    /** How many requests' live answers this instance waits for. */
    public int waiting() {
        return live.size();
    }

    /** True once this instance owns a reply partition (it can receive answers). */
    public boolean ready() {
        return choices.length > 0;
    }

    /**
     * Hands the events of {@code requestIds} (answered at {@code address}) to {@code handler}, live while this
     * instance owns the partition, from the log otherwise. Subscribe before the requests are published.
     */
    public synchronized Subscription subscribe(Address address, Set<String> requestIds, ReplyHandler handler) {
        Subscription subscription = new Subscription(address.partition(), address.fromOffset(), requestIds, handler);
        if (running && owned.contains(address.partition())) {
            subscription.heldBy(this);
            requestIds.forEach(id -> live.put(id, subscription));
        } else {
            ReplyReader.start(readerConfig, new TopicPartition(topic, address.partition()), List.of(subscription));
        }
        return subscription;
    }

    /**
     * Reads the events of {@code requestIds} from {@code partition} of this service's reply topic, from
     * {@code fromOffset}, on a reader of its own: the resume of an answer that another instance (alive or not) asked
     * for. The handler may wait (for a slow client) without holding up anyone else.
     */
    public Subscription replay(int partition, long fromOffset, Set<String> requestIds, ReplyHandler handler) {
        Subscription subscription = new Subscription(partition, fromOffset, requestIds, handler);
        ReplyReader.start(readerConfig, new TopicPartition(topic, partition), List.of(subscription));
        return subscription;
    }

    @Override
    public void release(Subscription subscription) {
        subscription.requestIds().forEach(id -> live.remove(id, subscription));
    }

    private int[] awaitPartitions() {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        synchronized (this) {
            while (choices.length == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The service is starting and cannot receive answers yet. Please try again.");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The service is stopping.");
                }
            }
            return choices;
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> group = new KafkaConsumer<>(groupConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = group;
            group.subscribe(List.of(topic), new Rebalance(group));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : group.poll(Duration.ofSeconds(30))) {
                    positions.put(record.partition(), record.offset() + 1);
                    route(record);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The reply consumer of {} stopped", topic, e);
        } finally {
            synchronized (this) { // stopping: the instance's streams end with it
                owned.clear();
                choices = new int[0];
                notifyAll();
            }
        }
    }

    private void route(ConsumerRecord<String, byte[]> record) {
        String requestId = ReplyRecords.requestId(record);
        Subscription subscription = requestId == null ? null : live.get(requestId);
        if (subscription == null) {
            unclaimed.increment(); // an answer for a request of the partition's earlier owner: not even parsed
            return;
        }
        try {
            subscription.deliver(record.offset(), ReplyRecords.event(record));
            routed.increment();
        } catch (EventFormatException e) {
            malformed.increment();
            log.warn("Skipping a malformed reply at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A reply handler failed for request {}", requestId, e);
        }
    }

    /** Partitions gained or lost: the subscriptions of lost ones continue on readers. Called holding the lock. */
    private void assign(Collection<TopicPartition> changed, boolean lost) {
        if (lost) {
            Set<Integer> gone = changed.stream().map(TopicPartition::partition).collect(Collectors.toSet());
            owned.removeAll(gone);
            Map<Integer, List<Subscription>> moving = new java.util.HashMap<>();
            for (Subscription subscription : Set.copyOf(live.values())) {
                if (gone.contains(subscription.partition())) {
                    subscription.requestIds().forEach(id -> live.remove(id, subscription));
                    moving.computeIfAbsent(subscription.partition(), p -> new ArrayList<>()).add(subscription);
                }
            }
            moving.forEach((partition, subscriptions) ->
                    ReplyReader.start(readerConfig, new TopicPartition(topic, partition), subscriptions));
        } else {
            changed.forEach(tp -> owned.add(tp.partition()));
        }
        choices = owned.stream().mapToInt(Integer::intValue).toArray();
        notifyAll();
    }

    /** Keeps the owned partitions, with their positions, in step with the group's assignment. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> group;

        Rebalance(KafkaConsumer<String, byte[]> group) {
            this.group = group;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> positions.put(tp.partition(), group.position(tp)));
            synchronized (ReplyChannel.this) {
                assign(partitions, false);
            }
            if (!partitions.isEmpty()) {
                log.info("Reply partitions of {} now owned: {}", topic, java.util.Arrays.toString(choices));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty() && running) {
                synchronized (ReplyChannel.this) {
                    assign(partitions, true);
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().name("replies-" + topic).daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        stopped = true;
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
