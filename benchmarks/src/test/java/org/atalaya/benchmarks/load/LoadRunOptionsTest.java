package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadRunOptionsTest {

    @Test
    void theDefaultsAsDocumented() {
        LoadRun.Options options = LoadRun.Options.parse(new String[0]);

        assertThat(options.seconds()).isEqualTo(120);
        assertThat(options.warmupSeconds()).isEqualTo(20);
        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.hitEvery()).isEqualTo(20);
        assertThat(options.waitForJit()).isTrue();
    }

    @Test
    void aThroughputPhaseNoLongerThanItsWarmUpIsRefused() {
        assertThatThrownBy(() -> LoadRun.Options.parse(new String[] {"seconds=30", "warmupSeconds=40"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmupSeconds (40)")
                .hasMessageContaining("seconds (30)");
        assertThatThrownBy(() -> LoadRun.Options.parse(new String[] {"seconds=20", "warmupSeconds=20"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadRun.Options.parse(new String[] {"warmupSeconds=-1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmupSeconds (-1)");
    }

    @Test
    void noWarmUpIsAllowed() {
        assertThat(LoadRun.Options.parse(new String[] {"seconds=60", "warmupSeconds=0"}).warmupSeconds()).isZero();
    }

    @Test
    void aLongLatencyWarmUpIsAllowedWithoutAThroughputPhase() {
        LoadRun.Options options = LoadRun.Options.parse(new String[] {"seconds=0", "warmupSeconds=300"});

        assertThat(options.warmupSeconds()).isEqualTo(300);
    }

    @Test
    void theShareOfHitsIsASetting() {
        assertThat(LoadRun.Options.parse(new String[] {"hitEvery=100"}).hitEvery()).isEqualTo(100);
        assertThatThrownBy(() -> LoadRun.Options.parse(new String[] {"hitEvery=0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hitEvery");
    }

    @Test
    void aMisspeltSettingIsRefused() {
        assertThatThrownBy(() -> LoadRun.Options.parse(new String[] {"hitevery=100"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hitevery");
    }
}
