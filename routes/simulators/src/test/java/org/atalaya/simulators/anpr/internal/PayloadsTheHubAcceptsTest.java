package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.routes.anpr.internal.HubPlateReadParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every payload the simulator makes is one the hub's ANPR connector accepts, and means what it was made to. */
class PayloadsTheHubAcceptsTest {

    private static final int READS = 5_000;

    /** The cameras' clock: it moves on 137 ms at every read, as traffic does. */
    private static final class Traffic extends Clock {
        private Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override
        public Instant instant() {
            now = now.plusMillis(137);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        /** The hub's clock: the time of the last read, without moving on. */
        Clock hub() {
            Traffic cameras = this;
            return new Clock() {
                @Override
                public Instant instant() {
                    return cameras.now;
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(ReadEncoding.class)
    void everyReadIsAcceptedByTheHubsParserAsItWasMade(ReadEncoding encoding) {
        Traffic clock = new Traffic();
        SimulatedTraffic traffic = new SimulatedTraffic(SampleHotlist.load().plates(), 7, OcrConfusion.defaults(),
                new SplittableRandom(42), clock);
        HubPlateReadParser hub = new HubPlateReadParser(clock.hub(),
                Ceuta.CAMERAS.stream().collect(Collectors.toMap(Camera::id, Function.identity())));

        for (int i = 0; i < READS; i++) {
            Camera camera = Ceuta.CAMERAS.get(i % Ceuta.CAMERAS.size());
            SimulatedRead read = traffic.next(camera);
            byte[] payload = encoding.encode(read);

            List<PlateRead> reads = hub.parse(payload, camera.id());

            assertThat(payload.length).isLessThan(2_048);
            assertThat(reads).hasSize(1);
            PlateRead accepted = reads.get(0);
            assertThat(accepted.cameraId()).isEqualTo(camera.id());
            assertThat(accepted.capturedAt()).isEqualTo(read.capturedAt());
            assertThat(accepted.plateAsRead()).isEqualTo(read.plate());
            assertThat(accepted.plate()).isEqualTo(PlateNormaliser.normalise(read.plate()));
            assertThat(accepted.country()).isEqualTo(read.country()).isIn("ES", "MA");
            assertThat(accepted.confidence()).isEqualTo(read.confidence()).isBetween(0.80, 0.99);
            assertThat(accepted.direction()).isEqualTo(read.direction());
            assertThat(accepted.position()).isEqualTo(camera.position());
            if (encoding == ReadEncoding.ATALAYA_JSON) {
                assertThat(accepted.id()).isEqualTo(read.id());
                assertThat(UUID.fromString(accepted.id())).hasToString(read.id());
            } else {
                assertThat(accepted.id()).isEqualTo(camera.id() + "@" + read.capturedAt().toEpochMilli() + "#"
                        + accepted.plate());
            }
        }
    }
}
