package org.atalaya.simulators.registry.internal;

import java.nio.charset.StandardCharsets;

/**
 * The simulator's one source of determinism: a 64-bit mixing function (the SplitMix64 finaliser),
 * so that everything generated for an entry follows from the seed and the entry's index alone,
 * the same on every run and in any order.
 */
final class SeededHash {

    private SeededHash() {
    }

    /** Scrambles {@code value}: every bit of the result depends on every bit of the input. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of {@code value} under {@code seed}. */
    static long of(long seed, long value) {
        return mix(seed ^ mix(value + 0x9e3779b97f4a7c15L));
    }

    /** A hash of {@code text} under {@code seed}. */
    static long of(long seed, String text) {
        long hash = seed;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = mix(hash ^ (b & 0xff));
        }
        return mix(hash);
    }
}
