package com.cvchat.chat.bench;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of delays in milliseconds. */
record Percentiles(int count, double p50, double p99, double max) {

    static Percentiles of(Collection<Double> delays) {
        List<Double> sorted = delays.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.getLast());
    }

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
