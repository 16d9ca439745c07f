package com.cvchat.gateway.breaker;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker for one service. Closed: requests pass; {@code failureThreshold} failures in a row open it.
 * Open: requests are refused until {@code openFor} has passed, then one trial request is let through (half-open);
 * its success closes the breaker, its failure opens it again.
 */
public class ServiceBreaker {

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoTime;

    private int failures;
    private long openUntil;
    private boolean open;
    private boolean trialRunning;

    public ServiceBreaker(int failureThreshold, Duration openFor, LongSupplier nanoTime) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a request may go to the service now. */
    public synchronized boolean tryPass() {
        if (!open) {
            return true;
        }
        if (!trialRunning && nanoTime.getAsLong() - openUntil >= 0) {
            trialRunning = true;
            return true;
        }
        return false;
    }

    public synchronized void succeeded() {
        failures = 0;
        open = false;
        trialRunning = false;
    }

    public synchronized void failed() {
        failures++;
        if (trialRunning || failures >= failureThreshold) {
            open = true;
            trialRunning = false;
            openUntil = nanoTime.getAsLong() + openForNanos;
        }
    }

    public synchronized boolean isOpen() {
        return open;
    }
}
