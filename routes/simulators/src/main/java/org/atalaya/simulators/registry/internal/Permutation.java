package org.atalaya.simulators.registry.internal;

import java.util.SplittableRandom;

/**
 * A shuffle of the numbers {@code [0, size)} that a seed decides, computed one number at a time
 * and reversible, so that a plate can be made from an entry's index and the index found from the
 * plate without a table: a four-round Feistel network over the smallest even number of bits that
 * holds {@code size}, applied again while the result falls outside the range (cycle walking).
 */
final class Permutation {

    private static final int ROUNDS = 4;

    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long[] keys = new long[ROUNDS];

    Permutation(long size, long seed) {
        if (size < 1 || size > (1L << 62)) {
            throw new IllegalArgumentException("size must be 1 to 2^62: " + size);
        }
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        if (bits % 2 == 1) {
            bits++;
        }
        this.size = size;
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < ROUNDS; round++) {
            keys[round] = random.nextLong();
        }
    }

    long size() {
        return size;
    }

    /** Where {@code x} goes. */
    long apply(long x) {
        check(x);
        long y = x;
        do {
            y = forward(y);
        } while (y >= size);
        return y;
    }

    /** What went to {@code y}: {@code invert(apply(x)) == x}. */
    long invert(long y) {
        check(y);
        long x = y;
        do {
            x = backward(x);
        } while (x >= size);
        return x;
    }

    private long forward(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ scramble(right, keys[round]);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long backward(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ scramble(left, keys[round]);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }

    private long scramble(long half, long key) {
        return SeededHash.mix(half ^ key) & halfMask;
    }

    private void check(long value) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(value + " is not in [0, " + size + ")");
        }
    }
}
