package com.cvchat.bench;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of figures in milliseconds. */
record Percentiles(int count, double p50, double p99, double p999, double max) {

    static Percentiles of(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                sorted.getLast());
    }

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** {@code p50/p99 ms}, the way the results table shows a latency. */
    String p50p99() {
        return String.format("%.1f / %.1f ms", p50, p99);
    }
}
