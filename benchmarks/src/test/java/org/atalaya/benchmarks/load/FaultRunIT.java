package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The fault run's short variant, on the built distribution: a few thousand plate reads over MQTT
 * and REST while the hub is killed with SIGKILL three times and started again. Every read the
 * cameras sent (each until the hub accepted it) must be stored exactly once, and every read of a
 * listed plate alerted exactly once to each police control centre, nothing else. The full run
 * (a million reads, ten kills) is {@code FaultRun}'s command line, in BENCHMARKS.md.
 */
class FaultRunIT {

    private static final Path ASSEMBLY = Path.of(System.getProperty("atalaya.assembly",
            "../karaf-assembly/target/assembly"));
    private static final Path WORK = Path.of(System.getProperty("atalaya.work", "target/fault-it"));

    @Test
    void everyAcceptedReadIsStoredAndAlertedExactlyOnceAcrossKills() throws Exception {
        Path work = WORK.resolve(Long.toString(System.currentTimeMillis()));
        FaultRun.Options options = new FaultRun.Options(ASSEMBLY, work, 6_000, 3, 5_000, 20, 16, 10, 20261121L);

        Verdict verdict = new FaultRun(options, new Report(work.resolve("report.txt"))).run();

        assertThat(verdict.exact()).as("%s (see %s)", verdict, work).isTrue();
        assertThat(verdict.stored()).isEqualTo(6_000);
        assertThat(verdict.expectedHits()).isEqualTo(60);
        assertThat(verdict.hitsPerAgency()).containsEntry("local-police", 60L).containsEntry("national-police", 60L);
    }
}
