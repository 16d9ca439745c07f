package com.cvchat.platform.userkeys;

import com.cvchat.events.sealing.DataKey;
import com.cvchat.events.sealing.DataKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Users' data keys, kept on the compacted {@code user.keys} topic ({@link UserKeysTopic}) and in memory.
 * <p>
 * Creation is race-free without a coordinator: a user with no key gets one written by whichever instance needs it
 * first; each writer then re-reads the user's partition and seals with the <em>first</em> key in log order, so all
 * instances converge, and a key written by a losing writer stays valid for whatever it sealed (a payload names its
 * key id). Erasure writes the user's erasure record, then a tombstone for every key of the user; from then on the
 * user's sealed payloads decode as erased, and nothing new is sealed for them ({@link UserErasedException}).
 * <p>
 * {@link #start} tails the topic so every instance forgets destroyed keys and runs its {@link UserErasedListener}s.
 */
public class UserKeyStore implements DataKeys, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UserKeyStore.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** How long {@link #init} waits for a just-created topic's partitions to show in the metadata. */
    private static final Duration PARTITIONS_WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Object> clientConfig;
    private final MasterKey masterKey;
    private final short replicationFactor;
    private final List<UserErasedListener> listeners;
    private final Map<String, Map<String, DataKey>> keysByUser = new HashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> userLocks = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile int partitions;
    private volatile KafkaConsumer<String, byte[]> tail;
    private Thread tailThread;
    private volatile boolean closed;

    public UserKeyStore(String bootstrapServers, MasterKey masterKey, short replicationFactor,
                        List<UserErasedListener> listeners) {
        this.clientConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.masterKey = masterKey;
        this.replicationFactor = replicationFactor;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public DataKey keyForSealing(String userId) {
        Optional<DataKey> current = firstKey(userId);
        if (current.isPresent()) {
            return current.get();
        }
        synchronized (userLocks.computeIfAbsent(userId, u -> new Object())) {
            refresh(userId);
            current = firstKey(userId);
            if (current.isEmpty()) {
                byte[] material = new byte[32];
                RANDOM.nextBytes(material);
                String keyId = UUID.randomUUID().toString();
                send(userId, UserKeysTopic.keyRecordKey(userId, keyId),
                        UserKeysTopic.keyRecord(userId, keyId, masterKey.wrap(userId, keyId, material)));
                refresh(userId);
                current = firstKey(userId);
            }
            return current.orElseThrow(() -> new UserErasedException(userId));
        }
    }

    @Override
    public Optional<DataKey> find(String userId, String keyId) {
        if (erased.contains(userId)) {
            return Optional.empty();
        }
        DataKey key = knownKey(userId, keyId);
        if (key == null) {
            refresh(userId);
            key = knownKey(userId, keyId);
        }
        return Optional.ofNullable(key);
    }

    /** Erases a user: the erasure record, then a tombstone for each of their keys. Idempotent. */
    public void erase(String userId) {
        send(userId, userId, UserKeysTopic.erasureRecord(userId));
        List<String> keyIds = new ArrayList<>(refreshAndCollectKeyIds(userId));
        for (String keyId : keyIds) {
            send(userId, UserKeysTopic.keyRecordKey(userId, keyId), null);
        }
        log.info("User {} erased: {} data key(s) destroyed", userId, keyIds.size());
    }

    public boolean isErased(String userId) {
        return erased.contains(userId);
    }

    /**
     * Follows the whole topic from the beginning on a daemon thread. Does not wait for Kafka: the thread retries
     * until the broker answers, so a service can start while Kafka is still coming up.
     */
    public synchronized void start() {
        if (tailThread == null && !closed) {
            tailThread = Thread.ofPlatform().daemon().name("user-keys-tail").start(this::follow);
        }
    }

    /** Follows until closed; a failure of the consumer starts it again from the beginning (applying is idempotent). */
    private void follow() {
        while (true) {
            KafkaConsumer<String, byte[]> consumer = connect();
            if (consumer == null) {
                return;
            }
            try {
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        follow(record);
                    }
                }
            } catch (WakeupException e) {
                return; // closing
            } catch (RuntimeException e) {
                if (!isClosed()) {
                    log.error("Following {} failed ({}); following it again in {} s", UserKeysTopic.NAME,
                            e.toString(), RETRY.toSeconds());
                }
            } finally {
                synchronized (this) {
                    tail = null; // close() now interrupts the wait below instead of waking a closed consumer
                }
                consumer.close();
            }
            if (isClosed() || !pausedBeforeRetry()) {
                return;
            }
        }
    }

    /** Waits {@link #RETRY} before trying Kafka again; false when interrupted (closing). */
    private static boolean pausedBeforeRetry() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** A consumer assigned to every partition from the beginning, once Kafka answers; null when closed first. */
    private KafkaConsumer<String, byte[]> connect() {
        while (!closed) {
            try {
                init();
                KafkaConsumer<String, byte[]> consumer = consumer();
                List<TopicPartition> all = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    all.add(new TopicPartition(UserKeysTopic.NAME, p));
                }
                consumer.assign(all);
                consumer.seekToBeginning(all);
                synchronized (this) {
                    if (closed) {
                        consumer.close();
                        return null;
                    }
                    tail = consumer;
                }
                return consumer;
            } catch (RuntimeException e) {
                log.warn("{} cannot be read yet ({}); trying again in {} s", UserKeysTopic.NAME, e.getMessage(),
                        RETRY.toSeconds());
                if (!pausedBeforeRetry()) {
                    return null;
                }
            }
        }
        return null;
    }

    private void follow(ConsumerRecord<String, byte[]> record) {
        try {
            apply(record.key(), record.value());
            if (record.value() != null && !record.key().contains("/")) {
                notifyErased(record.key());
            }
            if (record.value() != null && record.key().contains("/") && erased.contains(userOf(record.key()))) {
                send(userOf(record.key()), record.key(), null);   // a key written after the erasure: destroy it
            }
        } catch (RuntimeException e) {
            // e.g. a key wrapped under another master key: it cannot be used here, the others still can
            log.error("Record {} of {} at offset {} could not be applied: {}", record.key(), UserKeysTopic.NAME,
                    record.offset(), e.getMessage());
        }
    }

    private void notifyErased(String userId) {
        for (UserErasedListener listener : listeners) {
            try {
                listener.onUserErased(userId);
            } catch (RuntimeException e) {
                log.error("Erasing the data of user {} failed in {}: {}", userId, listener.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    /** The user's first key in log order (the one every instance seals with). */
    private synchronized Optional<DataKey> firstKey(String userId) {
        if (erased.contains(userId)) {
            throw new UserErasedException(userId);
        }
        Map<String, DataKey> keys = keysByUser.get(userId);
        return keys == null ? Optional.empty() : keys.values().stream().findFirst();
    }

    private synchronized DataKey knownKey(String userId, String keyId) {
        Map<String, DataKey> keys = keysByUser.get(userId);
        return keys == null ? null : keys.get(keyId);
    }

    /** Applies one record of {@code user.keys} to the in-memory state. */
    private synchronized void apply(String recordKey, byte[] value) {
        int slash = recordKey.indexOf('/');
        if (slash < 0) {
            if (value != null) {
                keysByUser.remove(recordKey);
                erased.add(recordKey);
            }
            return;
        }
        String userId = recordKey.substring(0, slash);
        String keyId = recordKey.substring(slash + 1);
        if (value == null) {
            Map<String, DataKey> keys = keysByUser.get(userId);
            if (keys != null) {
                keys.remove(keyId);
            }
        } else if (!erased.contains(userId)) {
            JsonNode record = UserKeysTopic.parse(value);
            byte[] material = masterKey.unwrap(userId, keyId, record.path("wrapped_key").asString());
            keysByUser.computeIfAbsent(userId, u -> new LinkedHashMap<>())
                    .putIfAbsent(keyId, new DataKey(keyId, new SecretKeySpec(material, "AES")));
        }
    }

    /** Reads the user's partition from the beginning to its current end. */
    private void refresh(String userId) {
        refreshAndCollectKeyIds(userId);
    }

    private Set<String> refreshAndCollectKeyIds(String userId) {
        init();
        Set<String> keyIds = new LinkedHashSet<>();
        String prefix = userId + "/";
        TopicPartition partition = new TopicPartition(UserKeysTopic.NAME, UserKeysTopic.partitionOf(userId, partitions));
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end && (record.key().equals(userId) || record.key().startsWith(prefix))) {
                        apply(record.key(), record.value());
                        if (record.key().startsWith(prefix)) {
                            keyIds.add(record.key().substring(prefix.length()));
                        }
                    }
                }
            }
        }
        return keyIds;
    }

    private void send(String userId, String recordKey, byte[] value) {
        init();
        int partition = UserKeysTopic.partitionOf(userId, partitions);
        try {
            producer.send(new ProducerRecord<>(UserKeysTopic.NAME, partition, recordKey, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + UserKeysTopic.NAME, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + UserKeysTopic.NAME, e);
        }
    }

    private synchronized void init() {
        if (producer != null) {
            return;
        }
        UserKeysTopic.ensure(clientConfig, replicationFactor);
        partitions = partitionCount();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The topic's partition count. Right after the topic is created the metadata may list no partitions yet: waits
     * for them (bounded) rather than take 0, which would leave this store unable to place any user (a tail assigned
     * to nothing, a division by zero on every request) until restarted. Throws if they do not show, so the caller
     * tries again later.
     */
    private int partitionCount() {
        long deadline = System.nanoTime() + PARTITIONS_WAIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            while (true) {
                int count = consumer.partitionsFor(UserKeysTopic.NAME).size();
                if (count > 0) {
                    return count;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(UserKeysTopic.NAME + " has no partitions yet");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + UserKeysTopic.NAME, e);
                }
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500); // idle: two fetches a second
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String userOf(String recordKey) {
        return recordKey.substring(0, recordKey.indexOf('/'));
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        Thread following;
        boolean connecting;
        synchronized (this) {
            closed = true;
            following = tailThread;
            connecting = tail == null;
            if (!connecting) {
                tail.wakeup();
            }
        }
        if (following != null) {
            if (connecting) {
                following.interrupt();   // waiting to retry the connection
            }
            try {
                following.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
