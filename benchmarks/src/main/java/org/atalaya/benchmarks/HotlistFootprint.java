package org.atalaya.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.atalaya.correlation.internal.HotlistIndex;

/**
 * Heap per hotlist entry: the heap in use, after full collections, with an index of N entries
 * minus the heap in use without it. Run with
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.HotlistFootprint 10000000}.
 */
public final class HotlistFootprint {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HotlistFootprint.class);

    private HotlistFootprint() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        HotlistIndex index = Hotlists.index(entries, 38_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc(memory);
        long bytes = after - before;
        LOG.info(String.format(java.util.Locale.ROOT,
                "entries: %,d; build: %.1f s (%,.0f entries/s); heap: %,d bytes = %.1f MiB = %.1f bytes/entry",
                index.size(), seconds, entries / seconds, bytes, bytes / 1048576.0, (double) bytes / entries));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
