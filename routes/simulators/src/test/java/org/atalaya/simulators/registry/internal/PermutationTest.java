package org.atalaya.simulators.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PermutationTest {

    @Test
    void shufflesEveryRangeOntoItselfAndBack() {
        for (int size = 1; size <= 300; size++) {
            Permutation permutation = new Permutation(size, size * 31L);
            BitSet hit = new BitSet(size);
            for (int x = 0; x < size; x++) {
                long y = permutation.apply(x);
                assertThat(y).isBetween(0L, size - 1L);
                assertThat(permutation.invert(y)).isEqualTo(x);
                hit.set((int) y);
            }
            assertThat(hit.cardinality()).as("size %d", size).isEqualTo(size);
        }
    }

    @Test
    void reversesLargeRangesToo() {
        Permutation permutation = new Permutation(80_000_000L, 42);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long x = random.nextLong(80_000_000L);
            assertThat(permutation.invert(permutation.apply(x))).isEqualTo(x);
        }
    }

    @Test
    void theSeedDecidesTheShuffle() {
        Permutation one = new Permutation(1_000_000, 1);
        Permutation again = new Permutation(1_000_000, 1);
        Permutation other = new Permutation(1_000_000, 2);
        int same = 0;
        for (int x = 0; x < 1_000; x++) {
            assertThat(again.apply(x)).isEqualTo(one.apply(x));
            same += one.apply(x) == other.apply(x) ? 1 : 0;
        }
        assertThat(same).isLessThan(5);
    }

    @Test
    void refusesNumbersOutsideItsRange() {
        Permutation permutation = new Permutation(10, 1);
        assertThatThrownBy(() -> permutation.apply(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> permutation.invert(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
