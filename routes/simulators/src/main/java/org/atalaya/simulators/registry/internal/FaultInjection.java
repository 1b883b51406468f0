package org.atalaya.simulators.registry.internal;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trouble the simulated service is told to show: answers that come late, and operations that
 * fail with ServiceUnavailable, the next few or a share of them. Which calls the share hits follows
 * from the seed: the same seed and the same calls fail the same way.
 */
final class FaultInjection {

    private final SplittableRandom draws;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile long latencyNanos;
    private volatile double faultRate;

    FaultInjection(long seed, Duration latency, double faultRate) {
        this.draws = new SplittableRandom(seed ^ 0x6661756c74L);
        latency(latency);
        faultRate(faultRate);
    }

    void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        latencyNanos = latency.toNanos();
    }

    void faultRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("faultRate must be 0 to 1: " + rate);
        }
        faultRate = rate;
    }

    void failNext(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        failNext.set(n);
    }

    /**
     * Waits for the latency, then says why this call is to fail, or null if it is not. Called once
     * per operation, after authentication.
     */
    String beforeAnswer() {
        long delay = latencyNanos;
        if (delay > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return "The service is unavailable (told to fail the next calls).";
        }
        double rate = faultRate;
        if (rate > 0 && draw() < rate) {
            return "The service is unavailable (a share of calls fails).";
        }
        return null;
    }

    private double draw() {
        synchronized (draws) {
            return draws.nextDouble();
        }
    }
}
