package org.atalaya.simulators.anpr.internal;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;

/**
 * Reads as the simulated cameras publish them, for benchmarks: the simulator's plates (Spanish,
 * old Ceuta provincial, Moroccan in Arabic or Latin letters, more of them at the border) and its
 * two encodings, byte for byte. The same seed gives the same reads.
 */
public final class BenchmarkCameraReads {

    private final SplittableRandom random;
    private final PlateGenerator plates;

    public BenchmarkCameraReads(long seed) {
        this.random = new SplittableRandom(seed);
        this.plates = new PlateGenerator(random);
    }

    /** The next read of {@code camera} as Atalaya JSON (one object, with the camera and an id). */
    public byte[] json(Camera camera, Instant capturedAt) {
        return ReadEncoding.ATALAYA_JSON.encode(next(camera, capturedAt));
    }

    /** The next read of {@code camera} as an ONVIF Profile M event (no camera: its topic names it). */
    public byte[] onvif(Camera camera, Instant capturedAt) {
        return ReadEncoding.ONVIF_PROFILE_M.encode(next(camera, capturedAt));
    }

    /**
     * The ONVIF event as the simulator writes it, with {@code %s} where it puts, in order, the
     * capture time, likelihood, plate, alpha-3 country, likelihood and direction, for a harness
     * that fills them with what no camera would send.
     */
    public static String onvifEventTemplate() {
        return ReadEncoding.ONVIF_EVENT;
    }

    // Confidence and direction drawn as SimulatedTraffic draws them; the id from the seed, so the
    // reads are the same on every run.
    private SimulatedRead next(Camera camera, Instant capturedAt) {
        Plate plate = plates.next(camera.borderApproach());
        double confidence = (80 + random.nextInt(20)) / 100.0;
        int draw = random.nextInt(100);
        Direction direction = draw < 4 ? Direction.UNKNOWN : draw < 52 ? Direction.APPROACHING : Direction.RECEDING;
        return new SimulatedRead(new UUID(random.nextLong(), random.nextLong()).toString(), camera.id(), capturedAt,
                plate.asRead(), plate.country(), confidence, direction, false);
    }
}
