package com.cvchat.bench;

import org.HdrHistogram.DoubleHistogram;

import java.util.Collection;

/**
 * Percentiles of figures in milliseconds, from an HdrHistogram {@link DoubleHistogram} (3 significant digits: a
 * percentile is within 0.1 % of a recorded figure; the maximum is exact). A negative figure (two clocks a fraction of a millisecond apart)
 * counts as 0.
 */
record Percentiles(int count, double p50, double p99, double p999, double max) {

    private static final int SIGNIFICANT_DIGITS = 3;

    static Percentiles of(Collection<Double> values) {
        if (values.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        DoubleHistogram histogram = new DoubleHistogram(SIGNIFICANT_DIGITS);
        double max = 0;
        for (double value : values) {
            histogram.recordValue(Math.max(0, value));
            max = Math.max(max, value);
        }
        // the largest figure as it was (a histogram of zeros only reports a meaningless maximum)
        return new Percentiles(values.size(), histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), max);
    }

    /** {@code p50/p99 ms}, the way the results table shows a latency. */
    String p50p99() {
        return String.format("%.1f / %.1f ms", p50, p99);
    }
}
