package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyWindowsTest {

    @Test
    void eachFullWindowHasItsOwnP99AndTheTotalHoldsEveryValue() {
        LatencyWindows windows = new LatencyWindows(100);
        windows.add(window(200, 10_000, 4, 400_000)); // p99 400 ms: a stall
        windows.add(window(200, 10_000, 0, 0)); // p99 10 ms
        windows.add(window(50, 900_000, 0, 0)); // too few values to be a window of its own
        windows.add(window(200, 20_000, 0, 0)); // p99 20 ms

        assertThat(windows.total().getTotalCount()).isEqualTo(650);
        assertThat(windows.total().getMaxValue()).isBetween(899_000L, 901_000L);
        LatencyWindows.Spread spread = windows.spread().orElseThrow();
        assertThat(spread.lowest()).isBetween(9.9, 10.1);
        assertThat(spread.median()).isBetween(19.9, 20.1);
        assertThat(spread.highest()).isBetween(399.0, 401.0);
        assertThat(spread.windows()).isEqualTo(3);
    }

    @Test
    void aRunWithoutAFullWindowHasNoSpread() {
        LatencyWindows windows = new LatencyWindows(100);
        windows.add(window(10, 5_000, 0, 0));

        assertThat(windows.total().getTotalCount()).isEqualTo(10);
        assertThat(windows.spread()).isEmpty();
    }

    /** {@code count} values, the last {@code slow} of them {@code slowMicros}, the others {@code micros}. */
    private static Histogram window(int count, long micros, int slow, long slowMicros) {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < count - slow; i++) {
            histogram.recordValue(micros);
        }
        for (int i = 0; i < slow; i++) {
            histogram.recordValue(slowMicros);
        }
        return histogram;
    }
}
