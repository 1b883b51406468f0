package org.atalaya.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.atalaya.correlation.internal.HotlistIndex;
import org.atalaya.correlation.internal.HotlistMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plate checks per second against a hotlist of {@code entries} plates, on one thread: exact
 * only, and OCR-equivalent (one equivalent character allowed, the hub's default). One read in a
 * hundred is of a listed plate (as read, or OCR-confused in the OCR-equivalent benchmark); the
 * others are plates of the same formats that are mostly not listed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class HotlistIndexBenchmark {

    private static final long SEED = 38_000L;
    private static final int READS = 1 << 20;

    @Param({"1000000", "10000000"})
    public int entries;

    private HotlistIndex index;
    private String[] exactReads;
    private String[] confusedReads;
    private int next;

    @Setup(Level.Trial)
    public void buildHotlist() {
        index = Hotlists.index(entries, SEED);
        String[] listed = Hotlists.listedPlates(Math.min(entries, READS / 100), SEED);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        exactReads = new String[READS];
        confusedReads = new String[READS];
        for (int i = 0; i < READS; i++) {
            if (i % 100 == 0) {
                String plate = listed[(i / 100) % listed.length];
                exactReads[i] = plate;
                confusedReads[i] = Hotlists.confused(plate);
            } else {
                String plate = Hotlists.plate(random);
                exactReads[i] = plate;
                confusedReads[i] = plate;
            }
        }
    }

    @Benchmark
    public List<HotlistMatch> exactCheck() {
        return index.match(exactReads[next++ & (READS - 1)], null, Hotlists.NOW, Hotlists.NOW, 0);
    }

    @Benchmark
    public List<HotlistMatch> ocrEquivalentCheck() {
        return index.match(confusedReads[next++ & (READS - 1)], null, Hotlists.NOW, Hotlists.NOW, 1);
    }
}
