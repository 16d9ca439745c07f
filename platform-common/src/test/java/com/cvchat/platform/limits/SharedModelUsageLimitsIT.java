package com.cvchat.platform.limits;

import com.cvchat.events.llm.TokenUsage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of a service (each with its own connection) share one user's limit through the service's store — the
 * local stack's MongoDB-wire server over a real socket — and a restarted instance still knows the counts.
 */
class SharedModelUsageLimitsIT {

    private static final ModelLimitsProperties LIMITS = new ModelLimitsProperties(true, 20, 1000, Duration.ofMinutes(1));
    private static MongoServer store;
    private static InetSocketAddress address;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeAll
    static void startStore() {
        store = new MongoServer(new MemoryBackend());
        address = store.bind();
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    /** An instance of the service: its own client, the service's database. */
    private ModelUsageLimits instance() {
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        clients.add(client);
        return new ModelUsageLimits(LIMITS, new MongoUsageCounter(
                client.getDatabase("chat").getCollection(MongoUsageCounter.COLLECTION), LIMITS, clock::get));
    }

    @Test
    void shouldShareOneUsersLimitBetweenInstancesAndKeepItAcrossARestart() {
        ModelUsageLimits first = instance();
        ModelUsageLimits second = instance();
        String ann = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? first : second).acquire(ann);
            clock.addAndGet(1_000);
        }
        for (ModelUsageLimits either : List.of(first, second, instance())) {
            assertThatThrownBy(() -> either.acquire(ann)).as("the 21st request, on either instance or after a restart")
                    .isInstanceOfSatisfying(ModelLimitExceededException.class, e -> {
                        assertThat(e.getMessage()).startsWith("You have used your limit of 20 AI requests per minute.");
                        assertThat(e.retryAfterSeconds()).as("until the first request leaves the window")
                                .isBetween(36L, 41L);
                    });
        }
        assertThatCode(() -> first.acquire(UUID.randomUUID().toString())).as("another user").doesNotThrowAnyException();

        clock.addAndGet(Duration.ofSeconds(41).toMillis());
        assertThatCode(() -> second.acquire(ann)).as("the first requests left the window").doesNotThrowAnyException();
    }

    @Test
    void shouldNeverAdmitMoreThanTheLimitWhenInstancesRaceForIt() throws Exception {
        List<ModelUsageLimits> instances = List.of(instance(), instance());
        String bob = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ModelUsageLimits instance = instances.get(i % 2);
                attempts.add(() -> {
                    try {
                        instance.acquire(bob);
                        return true;
                    } catch (ModelLimitExceededException e) {
                        return false;
                    }
                });
            }
            long admitted = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                admitted += attempt.get() ? 1 : 0;
            }
            System.out.printf("40 requests of one user at once on 2 instances (limit 20): %d admitted%n", admitted);
            assertThat(admitted).isPositive().isLessThanOrEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldCountTokensOfEveryInstance() {
        ModelUsageLimits first = instance();
        ModelUsageLimits second = instance();
        String cy = UUID.randomUUID().toString();
        first.acquire(cy);
        first.recordUsage(cy, new TokenUsage(400, 200, 600));
        second.acquire(cy);
        second.recordUsage(cy, new TokenUsage(0, 0, 500));
        assertThatThrownBy(() -> first.acquire(cy)).isInstanceOfSatisfying(ModelLimitExceededException.class,
                e -> assertThat(e.getMessage()).contains("1000 AI tokens per minute"));
    }
}
