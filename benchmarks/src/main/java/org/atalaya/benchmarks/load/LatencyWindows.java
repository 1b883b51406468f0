package org.atalaya.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.HdrHistogram.Histogram;

/**
 * A run's latencies taken window by window: the whole run's histogram, and the p99 of each window
 * that holds enough values to have one. A run's p99 hangs on its few slowest moments (a collection
 * pause, a compaction, the backlog after either); the spread of its windows' p99s shows how much
 * of it is one moment's. Two runs of one build still differ by more than that (BENCHMARKS.md,
 * seventeenth): compare builds over several runs.
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

    /** The full windows' p99s: the lowest, the median and the highest; empty without a full window. */
    Optional<Spread> spread() {
        if (windowP99s.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = windowP99s.stream().sorted().toList();
        return Optional.of(new Spread(sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                sorted.size()));
    }

    /** The p99s of a run's full windows, in milliseconds. */
    record Spread(double lowest, double median, double highest, int windows) {
    }
}
