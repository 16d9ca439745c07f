package com.cvchat.voice.socket;

/** A token bucket per socket: {@code perSecond} sustained, {@code burst} at once. Not thread-safe (one per socket). */
final class FloodGuard {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    FloodGuard(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one message; false when the client sends faster than allowed. */
    boolean allow(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
