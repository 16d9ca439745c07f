package com.cvchat.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

    @Test
    void shouldGiveTheRanksOfTheFiguresWithinAThousandth() {
        List<Double> figures = IntStream.rangeClosed(1, 10_000).mapToObj(i -> i / 10.0).toList(); // 0.1 … 1000 ms

        Percentiles percentiles = Percentiles.of(figures);

        assertThat(percentiles.count()).isEqualTo(10_000);
        assertThat(percentiles.p50()).isCloseTo(500.0, within(0.5));
        assertThat(percentiles.p99()).isCloseTo(990.0, within(1.0));
        assertThat(percentiles.p999()).isCloseTo(999.0, within(1.0));
        assertThat(percentiles.max()).isCloseTo(1000.0, within(1.0));
        assertThat(percentiles.p50p99()).matches("\\d+\\.\\d / \\d+\\.\\d ms");
    }

    @Test
    void shouldCountNegativeFiguresAsZeroAndNothingAsNaN() {
        Percentiles zeros = Percentiles.of(List.of(-0.2, -0.1, 0.0));
        assertThat(zeros.p99()).isZero();
        assertThat(zeros.max()).isZero();
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
    }
}
