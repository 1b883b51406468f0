package org.atalaya.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandOffsTest {

    @Test
    void everyHandOffIsMadeCountedAndCosted() throws InterruptedException {
        HandOffs.Cost cost = HandOffs.measure(2_000);

        assertThat(cost.handOffs()).isEqualTo(2_000);
        assertThat(cost.wallMicros()).isPositive();
        assertThat(cost.cpuMicros()).isPositive();
    }
}
