package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time and memory of a process, from Linux's {@code /proc/<pid>/stat} and {@code status};
 * and the CPU time of its JIT compiler threads, from {@code /proc/<pid>/task/<tid>/stat}.
 */
public record ProcessStats(long cpuTicks, long rssKib, long peakRssKib, long compilerTicks) {

    /** {@code /proc}'s clock ticks per second ({@code getconf CLK_TCK}), 100 on Linux. */
    public static final int TICKS_PER_SECOND = 100;

    public static ProcessStats of(long pid) throws IOException {
        Path process = Path.of("/proc", Long.toString(pid));
        long ticks = cpuTicks(process.resolve("stat"));
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        return new ProcessStats(ticks, rss, peak, compilerTicks(process));
    }

    /**
     * The CPU time of HotSpot's compiler threads ({@code C1 CompilerThread0}, {@code C2 ...}:
     * {@code comm} keeps their first 15 characters). Their CPU, not the compilation time the
     * JVM's management reports, which is elapsed time and counts the waits for a core too.
     */
    private static long compilerTicks(Path process) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path thread : threads) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        ticks += cpuTicks(thread.resolve("stat"));
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** utime + stime of a {@code stat} file, in clock ticks. */
    private static long cpuTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // fields after the command, which is in parentheses and may hold spaces
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU cores used on average between {@code earlier} and this, {@code seconds} apart. */
    public double coresSince(ProcessStats earlier, double seconds) {
        return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND / seconds;
    }

    /** CPU cores the JIT compilers used on average between {@code earlier} and this. */
    public double compilerCoresSince(ProcessStats earlier, double seconds) {
        return (compilerTicks - earlier.compilerTicks) / (double) TICKS_PER_SECOND / seconds;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
