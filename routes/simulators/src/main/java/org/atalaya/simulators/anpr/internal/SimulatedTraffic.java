package org.atalaya.simulators.anpr.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;

/**
 * What the cameras read, one read at a time: ordinary traffic, and every {@code hitEvery}th read
 * a listed plate, alternately read exactly and misread by one look-alike character. Ordinary
 * plates never match the list, not even by OCR equivalence, so every hit the hub raises comes
 * from a read counted here as hotlisted. Not thread-safe: one publishing thread uses it.
 */
final class SimulatedTraffic {

    private final PlateGenerator plates;
    private final List<Plate> hotlist;
    private final Set<String> hotlistCanonical;
    private final int hitEvery;
    private final OcrConfusion ocr;
    private final RandomGenerator random;
    private final Clock clock;
    private long reads;
    private long hits;

    /**
     * @param hotlist  the listed plates the cameras now and then read
     * @param hitEvery every how many reads one is a listed plate; 0 for never
     */
    SimulatedTraffic(List<Plate> hotlist, int hitEvery, OcrConfusion ocr, RandomGenerator random, Clock clock) {
        if (hitEvery < 0) {
            throw new IllegalArgumentException("hitEvery must be 0 or more: " + hitEvery);
        }
        this.plates = new PlateGenerator(random);
        this.hotlist = List.copyOf(hotlist);
        this.hotlistCanonical = hotlist.stream().map(plate -> ocr.canonical(plate.normalised()))
                .collect(Collectors.toUnmodifiableSet());
        this.hitEvery = hitEvery;
        this.ocr = ocr;
        this.random = random;
        this.clock = clock;
    }

    SimulatedRead next(Camera camera) {
        reads++;
        boolean hit = hitEvery > 0 && !hotlist.isEmpty() && reads % hitEvery == 0;
        Plate plate;
        String asRead;
        if (hit) {
            hits++;
            plate = hotlist.get(random.nextInt(hotlist.size()));
            // Odd hits exact, even hits misread; a plate that cannot be misread is read exactly.
            Optional<String> misread = hits % 2 == 0 ? ocr.confuse(plate.asRead(), random) : Optional.empty();
            asRead = misread.orElse(plate.asRead());
        } else {
            do {
                plate = plates.next(camera.borderApproach());
            } while (hotlistCanonical.contains(ocr.canonical(plate.normalised())));
            asRead = plate.asRead();
        }
        double confidence = (80 + random.nextInt(20)) / 100.0;
        return new SimulatedRead(UUID.randomUUID().toString(), camera.id(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), asRead, plate.country(), confidence,
                direction(), hit);
    }

    private Direction direction() {
        int draw = random.nextInt(100);
        return draw < 4 ? Direction.UNKNOWN : draw < 52 ? Direction.APPROACHING : Direction.RECEDING;
    }
}
