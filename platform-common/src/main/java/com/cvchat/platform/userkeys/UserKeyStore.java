package com.cvchat.platform.userkeys;

import com.cvchat.events.sealing.DataKey;
import com.cvchat.events.sealing.DataKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users' data keys, kept on the compacted {@code user.keys} topic ({@link UserKeysTopic}) and read into memory by one
 * long-lived reader ({@link KeyLogReader} into {@link KeyTable}); writes go through {@link KeyLogWriter}. The request
 * path never creates a consumer nor reads the topic: it reads the table, and after a write waits until the reader
 * applied it.
 * <p>
 * Creation is race-free without a coordinator: a user with no key gets one written by whichever instance needs it
 * first; each writer then waits until its reader got to its own record and seals with the <em>first</em> key in log
 * order, so all instances converge, and a key written by a losing writer stays valid for whatever it sealed (a payload
 * names its key id). Erasure writes the user's erasure record, then a tombstone for every key of the user; from then
 * on the user's sealed payloads decode as erased, and nothing new is sealed for them ({@link UserErasedException}).
 */
public class UserKeyStore implements DataKeys, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UserKeyStore.class);
    /** How long a request waits for the reader: to have read the topic once, or to get to a record just written. */
    private static final Duration READER_WAIT = Duration.ofSeconds(30);
    /** How long opening a payload waits for an unknown key to be read (a key written by another instance). */
    private static final Duration UNKNOWN_KEY_WAIT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey masterKey;
    private final KeyTable table;
    private final KeyLogWriter writer;
    private final KeyLogReader reader;
    private final Map<String, Object> userLocks = new ConcurrentHashMap<>();

    public UserKeyStore(String bootstrapServers, MasterKey masterKey, short replicationFactor,
                        List<UserErasedListener> listeners) {
        Map<String, Object> clientConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.masterKey = masterKey;
        this.table = new KeyTable(masterKey);
        this.writer = new KeyLogWriter(clientConfig, READER_WAIT);
        this.reader = new KeyLogReader(clientConfig, replicationFactor, table, writer, listeners);
    }

    @Override
    public DataKey keyForSealing(String userId) {
        Optional<DataKey> current = table.firstKey(userId);
        if (current.isPresent()) {
            return current.get();
        }
        awaitRestored();
        synchronized (userLocks.computeIfAbsent(userId, u -> new Object())) {
            current = table.firstKey(userId);
            if (current.isEmpty()) {
                byte[] material = new byte[32];
                RANDOM.nextBytes(material);
                RecordKey.DataKeyId key = new RecordKey.DataKeyId(userId, UUID.randomUUID().toString());
                awaitApplied(writer.send(key, UserKeysTopic.keyRecord(key,
                        masterKey.wrap(userId, key.keyId(), material))));
                current = table.firstKey(userId);
            }
            return current.orElseThrow(() -> new UserErasedException(userId));
        }
    }

    @Override
    public Optional<DataKey> find(String userId, String keyId) {
        if (table.isErased(userId)) {
            return Optional.empty();
        }
        DataKey key = table.key(userId, keyId);
        if (key != null || table.known(userId, keyId)) {
            return Optional.ofNullable(key);
        }
        awaitRestored();
        try {
            return Optional.ofNullable(table.awaitKey(userId, keyId, UNKNOWN_KEY_WAIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Erases a user: the erasure record, then a tombstone for each of their keys. Idempotent. */
    public void erase(String userId) {
        awaitRestored();
        awaitApplied(writer.send(new RecordKey.Erasure(userId), UserKeysTopic.erasureRecord(userId)));
        Set<String> keyIds = table.liveKeyIds(userId);
        for (String keyId : keyIds) {
            writer.send(new RecordKey.DataKeyId(userId, keyId), null);
        }
        log.info("User {} erased: {} data key(s) destroyed", userId, keyIds.size());
    }

    public boolean isErased(String userId) {
        return table.isErased(userId);
    }

    /**
     * Starts the reader (see {@link KeyLogReader}). Does not wait for Kafka: the reader retries until the broker
     * answers, so a service can start while Kafka is still coming up. The first request that needs the table starts it
     * too.
     */
    public void start() {
        reader.start();
    }

    private void awaitRestored() {
        reader.start();
        try {
            if (!table.awaitRestored(READER_WAIT)) {
                throw new IllegalStateException(UserKeysTopic.NAME + " has not been read yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + UserKeysTopic.NAME, e);
        }
    }

    private void awaitApplied(RecordMetadata written) {
        try {
            if (!table.awaitApplied(written.partition(), written.offset(), READER_WAIT)) {
                throw new IllegalStateException(UserKeysTopic.NAME + " was not read up to the record just written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + UserKeysTopic.NAME, e);
        }
    }

    @Override
    public void close() {
        reader.close();
        writer.close();
    }
}
