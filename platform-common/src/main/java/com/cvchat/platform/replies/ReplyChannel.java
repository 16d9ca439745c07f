package com.cvchat.platform.replies;

import com.cvchat.events.Topics;
import com.cvchat.events.llm.ReplyTo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>This class is what askers use; {@link ReplyGroup} runs the group's consumer, {@link OwnedPartitions} holds the
 * owned partitions and positions, {@link LiveSubscriptions} the subscriptions waiting on them and the routing.
 */
public final class ReplyChannel implements SmartLifecycle {

    /** Where a new request's answer goes, and the offset from which its events lie on that partition. */
    public record Address(ReplyTo replyTo, long fromOffset) {
        public int partition() {
            return replyTo.partition();
        }
    }

    private final String topic;
    private final String outcomeTopic;
    private final Map<String, Object> readerConfig;
    private final OwnedPartitions partitions;
    private final LiveSubscriptions live;
    private final ReplyGroup group;

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
        this.readerConfig = Map.copyOf(readerConfig);
        this.partitions = new OwnedPartitions(readyTimeout);
        this.live = new LiveSubscriptions(topic, meters);
        this.group = new ReplyGroup(topic, groupConfig, partitions, live, this::lose);
        Gauge.builder("platform.replies.partitions", partitions::count)
                .description("Reply partitions this instance owns").tag("topic", topic).register(meters);
        Gauge.builder("platform.replies.subscriptions", live::size)
                .description("Requests whose live answer this instance waits for").tag("topic", topic).register(meters);
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
        int partition = partitions.choose();
        return new Address(new ReplyTo(topic, partition, outcomeTopic), partitions.position(partition));
    }

    /** How many requests' live answers this instance waits for. */
    public int waiting() {
        return live.size();
    }

    /** True once this instance owns a reply partition (it can receive answers). */
    public boolean ready() {
        return partitions.count() > 0;
    }

    /**
     * Hands the events of {@code requestIds} (answered at {@code address}) to {@code handler}, live while this
     * instance owns the partition, from the log otherwise. Subscribe before the requests are published.
     */
    public synchronized Subscription subscribe(Address address, Set<String> requestIds, ReplyHandler handler) {
        Subscription subscription = new Subscription(address.partition(), address.fromOffset(), requestIds, handler);
        if (group.running() && partitions.owns(address.partition())) {
            live.hold(subscription);
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

    /**
     * Partitions taken away: the subscriptions on them continue on readers. Holds the lock that {@link #subscribe}
     * holds, so no subscription is added live to a partition after its hand-over.
     */
    private synchronized void lose(Set<Integer> gone) {
        partitions.lost(gone);
        live.releaseOn(gone).forEach((partition, subscriptions) ->
                ReplyReader.start(readerConfig, new TopicPartition(topic, partition), subscriptions));
    }

    @Override
    public void start() {
        group.start();
    }

    @Override
    public void stop() {
        partitions.stop();
        group.stop();
    }

    @Override
    public boolean isRunning() {
        return group.running();
    }
}
