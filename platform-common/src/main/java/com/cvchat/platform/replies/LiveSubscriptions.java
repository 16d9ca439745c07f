package com.cvchat.platform.replies;

import com.cvchat.events.json.EventFormatException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscriptions that wait for answers on the partitions this instance owns, by request id: routes each record the
 * reply group fetches to the one that waits for it, parsing it only then; a record nobody here waits for is skipped
 * unparsed. Counts both in {@code platform.replies.records}.
 */
final class LiveSubscriptions implements Subscription.Holder {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);

    private final Map<String, Subscription> live = new ConcurrentHashMap<>();
    private final Counter routed;
    private final Counter unclaimed;
    private final Counter malformed;

    LiveSubscriptions(String topic, MeterRegistry meters) {
        this.routed = records(meters, topic, "routed");
        this.unclaimed = records(meters, topic, "unclaimed");
        this.malformed = records(meters, topic, "malformed");
    }

    private static Counter records(MeterRegistry meters, String topic, String result) {
        return Counter.builder("platform.replies.records").tag("topic", topic).tag("result", result)
                .description("Reply records fetched by this instance: routed to a waiting request (and parsed), "
                        + "unclaimed (no request here waits for it; not parsed), malformed")
                .register(meters);
    }

    /** How many requests wait for their live answer. */
    int size() {
        return live.size();
    }

    void hold(Subscription subscription) {
        subscription.heldBy(this);
        subscription.requestIds().forEach(id -> live.put(id, subscription));
    }

    @Override
    public void release(Subscription subscription) {
        subscription.requestIds().forEach(id -> live.remove(id, subscription));
    }

    /** Lets go of the subscriptions on {@code partitions} (no longer owned), by partition, for readers to continue. */
    Map<Integer, List<Subscription>> releaseOn(Set<Integer> partitions) {
        Map<Integer, List<Subscription>> moving = new HashMap<>();
        for (Subscription subscription : Set.copyOf(live.values())) {
            if (partitions.contains(subscription.partition())) {
                release(subscription);
                moving.computeIfAbsent(subscription.partition(), p -> new ArrayList<>()).add(subscription);
            }
        }
        return moving;
    }

    void route(ConsumerRecord<String, byte[]> record) {
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
}
