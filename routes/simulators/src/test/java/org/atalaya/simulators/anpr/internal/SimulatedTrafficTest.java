package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.atalaya.api.anpr.Direction;
import org.atalaya.correlation.internal.OcrEquivalence;
import org.atalaya.correlation.internal.PlateCode;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.junit.jupiter.api.Test;

class SimulatedTrafficTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00.123456Z"), ZoneOffset.UTC);

    private final List<Plate> listed = SampleHotlist.load().plates();
    private final Set<String> listedPlates = listed.stream().map(Plate::normalised).collect(Collectors.toSet());
    private final OcrEquivalence hub = OcrEquivalence.defaults();
    private final Set<Long> listedCanonical = listed.stream()
            .map(plate -> hub.canonical(PlateCode.of(plate.normalised()))).collect(Collectors.toSet());

    @Test
    void everyNthReadIsAListedPlateAlternatelyReadExactlyAndMisread() {
        SimulatedTraffic traffic = new SimulatedTraffic(listed, 10, OcrConfusion.defaults(), new SplittableRandom(3),
                CLOCK);
        int hits = 0;
        for (int i = 1; i <= 2_000; i++) {
            SimulatedRead read = traffic.next(Ceuta.CAMERAS.get(i % Ceuta.CAMERAS.size()));
            String plate = PlateNormaliser.normalise(read.plate());
            long canonical = hub.canonical(PlateCode.of(plate));
            assertThat(read.hotlisted()).as("read " + i).isEqualTo(i % 10 == 0);
            if (!read.hotlisted()) {
                assertThat(listedCanonical).as("an ordinary read never matches the list").doesNotContain(canonical);
                continue;
            }
            hits++;
            assertThat(listedCanonical).contains(canonical);
            if (hits % 2 == 1) {
                assertThat(listedPlates).as("hit " + hits + " is read exactly").contains(plate);
            } else {
                assertThat(listedPlates).as("hit " + hits + " is misread").doesNotContain(plate);
            }
        }
        assertThat(hits).isEqualTo(200);
    }

    @Test
    void readsAreStampedNowToTheMillisecondWithAUniqueIdAndAConfidenceFrom80To99Percent() {
        SimulatedTraffic traffic = new SimulatedTraffic(listed, 40, OcrConfusion.defaults(), new SplittableRandom(5),
                CLOCK);
        List<SimulatedRead> reads = IntStream.range(0, 2_000)
                .mapToObj(i -> traffic.next(Ceuta.TARAJAL)).toList();
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.capturedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123Z"));
            assertThat(read.cameraId()).isEqualTo("tarajal-1");
            assertThat(read.confidence()).isBetween(0.80, 0.99);
        });
        assertThat(reads).extracting(SimulatedRead::id).doesNotHaveDuplicates();
        assertThat(reads).extracting(SimulatedRead::confidence).contains(0.80, 0.99);
        assertThat(reads).extracting(SimulatedRead::direction).containsOnly(Direction.values());
    }

    @Test
    void noListedPlatesWhenHitEveryIsZero() {
        SimulatedTraffic traffic = new SimulatedTraffic(listed, 0, OcrConfusion.defaults(), new SplittableRandom(1),
                CLOCK);
        for (int i = 0; i < 1_000; i++) {
            assertThat(traffic.next(Ceuta.PUERTO).hotlisted()).isFalse();
        }
        assertThatThrownBy(() -> new SimulatedTraffic(listed, -1, OcrConfusion.defaults(), new SplittableRandom(),
                CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
