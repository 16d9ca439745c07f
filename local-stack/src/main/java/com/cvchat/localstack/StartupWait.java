package com.cvchat.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until starting services report UP on {@code /actuator/health} (polled every 100 ms, 240 s at most); fails at
 * once, with the last lines of its log, when one exits during start-up.
 */
final class StartupWait {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL = Duration.ofMillis(100);

    private StartupWait() {
    }

    static void untilHealthy(List<ServiceProcess> starting) {
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.name() + " exited during start-up. Last lines of "
                            + service.log() + ":\n" + service.tail(40));
                }
                if (service.healthy()) {
                    System.out.println("  ✓ " + service.name() + " is UP");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not healthy after " + HEALTH_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.spec().module() + " (log: " + s.log() + ")").toList());
            }
            pause(POLL);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
