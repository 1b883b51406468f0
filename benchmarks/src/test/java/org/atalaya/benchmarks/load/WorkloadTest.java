package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void oneReadInHitEveryIsOfAListedPlateEachListedPlateReadOnce() {
        Workload workload = new Workload("t", 1_000, 100, 0);
        Set<String> hitPlates = new HashSet<>();
        long hits = LongStream.range(0, 10_000).filter(workload::hits)
                .peek(n -> hitPlates.add(workload.plate(n))).count();

        Set<String> listed = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            listed.add(Workload.listedPlate(i));
        }
        assertThat(hits).isEqualTo(100);
        assertThat(hitPlates).hasSize(100);
        assertThat(listed).containsAll(hitPlates);
        assertThat(LongStream.range(0, 10_000).filter(n -> !workload.hits(n)).mapToObj(workload::plate))
                .noneMatch(listed::contains);
        assertThat(workload.hits(100)).isTrue();
        assertThat(workload.hits(101)).isFalse();
    }

    @Test
    void aboutOneReadInRestEveryIsPostedOverRestHitsAsOftenAsTheOthers() {
        Workload oneIn20 = new Workload("l", 100_000, 20, 50_000);

        long overRest = LongStream.range(0, 100_000).filter(n -> Workload.overRest(n, 10)).count();
        long hitsOverRest = LongStream.range(0, 100_000).filter(oneIn20::hits)
                .filter(n -> Workload.overRest(n, 10)).count();

        assertThat(overRest).isBetween(9_500L, 10_500L);
        assertThat(hitsOverRest).isBetween(400L, 600L); // of 5,000 hits
        assertThat(Workload.overRest(0, 10_000, 10)).containsExactly(
                LongStream.range(0, 10_000).filter(n -> Workload.overRest(n, 10)).toArray());
        assertThat(LongStream.range(0, 1_000).filter(n -> Workload.overRest(n, 0))).isEmpty();
    }

    @Test
    void theLatencyPhasesShareOfHitsFollowsHitEvery() {
        Workload oneIn20 = new Workload("l", 100_000, 20, 50_000);
        Workload oneIn100 = new Workload("l", 100_000, 100, 50_000);

        assertThat(LongStream.range(0, 10_000).filter(oneIn20::hits).count()).isEqualTo(500);
        assertThat(LongStream.range(0, 10_000).filter(oneIn100::hits).count()).isEqualTo(100);
    }

    @Test
    void noHitsOnceTheListedPlatesAreUsedUp() {
        Workload workload = new Workload("t", 10, 2, 5);

        assertThat(LongStream.range(0, 100).filter(workload::hits).count()).isEqualTo(5);
    }

    @Test
    void aShareOfHitsBelowOneIsRefused() {
        assertThatThrownBy(() -> new Workload("t", 1_000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hitEvery");
    }
}
