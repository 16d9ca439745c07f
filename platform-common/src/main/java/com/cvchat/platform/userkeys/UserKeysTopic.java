package com.cvchat.platform.userkeys;

import com.cvchat.events.Topics;
import com.cvchat.events.json.EventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.errors.TopicExistsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compacted {@code user.keys} topic. Records of one user all go to the partition the user id hashes to; their keys
 * are {@link RecordKey}s:
 * <ul>
 *   <li>{@code <user id>/<key id>} → {@code {"user_id", "key_id", "wrapped_key", "created_at"}}: a data key wrapped
 *       by the master key; a tombstone (null value) destroys it;</li>
 *   <li>{@code <user id>} → {@code {"user_id", "erased_at"}}: the erasure record, kept for good (no secret in it).</li>
 * </ul>
 * Name, partitions and compaction settings are in shared-events' {@link Topics#USER_KEYS}.
 */
public final class UserKeysTopic {

    public static final String NAME = Topics.USER_KEYS;

    private UserKeysTopic() {
    }

    static int partitionOf(String userId, int partitions) {
        return BuiltInPartitioner.partitionForKey(userId.getBytes(StandardCharsets.UTF_8), partitions);
    }

    static byte[] keyRecord(RecordKey.DataKeyId key, String wrappedKey) {
        ObjectNode node = EventJson.mapper().createObjectNode().put("user_id", key.userId()).put("key_id", key.keyId())
                .put("wrapped_key", wrappedKey).put("created_at", Instant.now().toString());
        return EventJson.mapper().writeValueAsBytes(node);
    }

    static byte[] erasureRecord(String userId) {
        return EventJson.mapper().writeValueAsBytes(EventJson.mapper().createObjectNode()
                .put("user_id", userId).put("erased_at", Instant.now().toString()));
    }

    static JsonNode parse(byte[] value) {
        return EventJson.mapper().readTree(value);
    }

    /**
     * The topic's partition count. Right after the topic is created the metadata may list none yet: waits for them
     * (bounded, 10 s) rather than take 0; throws if they do not show, so the caller tries again later.
     */
    static int partitionCount(Consumer<?, ?> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            int count = consumer.partitionsFor(NAME).size();
            if (count > 0) {
                return count;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(NAME + " has no partitions yet");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + NAME, e);
            }
        }
    }

    /** Creates the topic when missing (idempotent). */
    static void ensure(Map<String, Object> clientConfig, short replicationFactor) {
        try (Admin admin = Admin.create(clientConfig)) {
            admin.createTopics(List.of(new NewTopic(NAME, Topics.USER_KEYS_PARTITIONS, replicationFactor).configs(Topics.USER_KEYS_CONFIG)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + NAME + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + NAME, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating " + NAME, e);
        }
    }
}
