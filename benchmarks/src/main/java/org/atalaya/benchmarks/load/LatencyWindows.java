package org.atalaya.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * A run's latencies taken window by window: the whole run's histogram, and the p99 of each window
 * that holds enough values to have one. One run's p99 hangs on its few slowest moments (a
 * collection pause, a compaction, the backlog after either), so two runs of the same build can
 * differ by a quarter; the spread of the windows' p99s says, from one run, how far its p99 is
 * to be trusted.
 */
final class LatencyWindows {

    private final long minimumPerWindow;
    private final Histogram total = new Histogram(3);
    private final List<Double> windowP99s = new ArrayList<>();

    /** Windows with fewer than {@code minimumPerWindow} values count in the total only. */
    LatencyWindows(long minimumPerWindow) {
        this.minimumPerWindow = minimumPerWindow;
    }

    /** Adds the values of one window (in microseconds). */
    void add(Histogram window) {
        total.add(window);
        if (window.getTotalCount() >= minimumPerWindow) {
            windowP99s.add(window.getValueAtPercentile(99) / 1000.0);
        }
    }

    /** Every value added. */
    Histogram total() {
        return total;
    }

    /** The p99 of each full window, in milliseconds, in the order they were added. */
    List<Double> windowP99s() {
        return List.copyOf(windowP99s);
    }

    /** The windows' p99s, sorted: the lowest, the median, the highest; empty without a full window. */
    double[] spread() {
        if (windowP99s.isEmpty()) {
            return new double[0];
        }
        List<Double> sorted = windowP99s.stream().sorted().toList();
        return new double[] {sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)};
    }
}
