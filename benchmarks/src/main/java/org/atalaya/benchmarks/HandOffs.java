package org.atalaya.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What it costs the machine to hand work from one thread to another that is waiting for it: two
 * threads take turns {@code handOffs} times, each parking until the other wakes it, as the hub's
 * threads do at every hop of an event (a broker's executor, a consumer waiting in
 * {@code receive}, a commit group's waiters). Reports the wall time and the two threads' CPU
 * time per hand-off. Run it as it comes, where the kernel puts the two threads on different cores
 * when it can, and held to one core:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.HandOffs 100000
 * taskset -c 0 java -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.HandOffs 100000
 * </pre>
 *
 * The difference is what waking a thread on another core costs: on a virtual machine, an
 * interrupt between its virtual cores and the wake of one that was halted.
 */
public final class HandOffs {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffs.class);

    /** The figures of one run. */
    public record Cost(long handOffs, double wallMicros, double cpuMicros) {
    }

    private HandOffs() {
    }

    public static void main(String[] args) throws InterruptedException {
        int handOffs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        measure(handOffs / 10); // the JIT compiles the loop first
        Cost cost = measure(handOffs);
        LOG.info(String.format(Locale.ROOT,
                "%,d hand-offs between two threads: %.1f us of wall time and %.1f us of CPU each",
                cost.handOffs(), cost.wallMicros(), cost.cpuMicros()));
    }

    /** Two threads hand a turn to each other {@code handOffs} times in all. */
    public static Cost measure(int handOffs) throws InterruptedException {
        int turns = Math.max(1, handOffs / 2);
        Turns shared = new Turns(turns);
        Thread first = new Thread(() -> shared.take(0), "hand-offs-0");
        Thread second = new Thread(() -> shared.take(1), "hand-offs-1");
        shared.threads = new Thread[] {first, second};
        long wall = System.nanoTime();
        first.start();
        second.start();
        first.join();
        second.join();
        wall = System.nanoTime() - wall;
        long made = shared.handed;
        return new Cost(made, wall / 1000.0 / made, (shared.cpu[0] + shared.cpu[1]) / 1000.0 / made);
    }

    /**
     * Whose turn it is; each thread parks until it is its own, and notes the CPU it took. Only
     * the thread whose turn it is counts a hand-off, before it hands the turn on.
     */
    private static final class Turns {

        final int turns;
        final long[] cpu = new long[2];
        volatile Thread[] threads;
        volatile int turn;
        long handed;

        Turns(int turns) {
            this.turns = turns;
        }

        void take(int me) {
            ThreadMXBean cpuTime = ManagementFactory.getThreadMXBean();
            long start = cpuTime.getCurrentThreadCpuTime();
            Thread other = threads[1 - me];
            for (int i = 0; i < turns; i++) {
                while (turn != me) {
                    LockSupport.park(this);
                }
                handed++;
                turn = 1 - me;
                LockSupport.unpark(other);
            }
            cpu[me] = cpuTime.getCurrentThreadCpuTime() - start;
        }
    }
}
