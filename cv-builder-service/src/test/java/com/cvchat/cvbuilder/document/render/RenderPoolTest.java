package com.cvchat.cvbuilder.document.render;

import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The bounded render pool: work runs off the caller's thread, a full pool or a slow render answers 503. */
class RenderPoolTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private RenderPool pool;

    @AfterEach
    void stop() {
        release.countDown();
        pool.stop();
    }

    @Test
    void shouldRunWorkOnTheRenderThreads() {
        pool = new RenderPool(1, 1, Duration.ofSeconds(10));

        assertThat(pool.run(() -> Thread.currentThread().getName())).startsWith("document-render-");
    }

    @Test
    void shouldAnswerBusyAtOnceWhenThreadsAndQueueAreFull() {
        pool = new RenderPool(1, 1, Duration.ofSeconds(30));
        CountDownLatch started = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> pool.run(() -> {
            started.countDown();
            return awaitRelease();
        }));
        await().until(() -> started.getCount() == 0);
        Thread.ofVirtual().start(() -> pool.run(this::awaitRelease));
        await().until(() -> pool.queued() == 1);

        assertThatThrownBy(() -> pool.run(() -> "third"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("The document renderer is busy. Please try again shortly.");
                });
    }

    @Test
    void shouldGiveUpOnARenderThatTakesTooLong() {
        pool = new RenderPool(1, 1, Duration.ofMillis(200));

        assertThatThrownBy(() -> pool.run(this::awaitRelease))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void shouldPassOnTheErrorOfTheWork() {
        pool = new RenderPool(1, 1, Duration.ofSeconds(10));

        assertThatThrownBy(() -> pool.run(() -> {
            throw new IllegalArgumentException("broken template");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("broken template");
    }

    private String awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }
}
