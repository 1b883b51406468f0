package org.atalaya.simulators.face.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The matches the simulated analytics report: a camera and a watchlist entry at random, a
 * similarity from 0.80 to 0.99, stamped now, the frame referred to (never carried), as Atalaya
 * JSON on the camera's own topic.
 */
final class SimulatedFaceMatches {

    /** What the hub's face-cameras connector accepts as a camera id, and is safe in a topic. */
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern WATCHLIST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#/-]{0,127}");

    /** One match to publish. */
    record Published(String id, String topic, byte[] payload) {
    }

    private final List<String> cameras;
    private final List<String> entries;
    private final String imageBaseUrl;
    private final RandomGenerator random;
    private final Clock clock;

    SimulatedFaceMatches(List<String> cameras, List<String> entries, String imageBaseUrl, RandomGenerator random,
            Clock clock) {
        if (cameras.isEmpty() || cameras.stream().anyMatch(camera -> !CAMERA_ID.matcher(camera).matches())) {
            throw new IllegalArgumentException("cameras must name at least one camera, each 1-64 letters, digits,"
                    + " '-' or '_': " + cameras);
        }
        if (entries.isEmpty() || entries.stream().anyMatch(entry -> !WATCHLIST_ID.matcher(entry).matches())) {
            throw new IllegalArgumentException("watchlistEntries must name at least one entry, each 1-128 letters,"
                    + " digits or '.', ':', '@', '#', '/', '-', '_': " + entries);
        }
        if (imageBaseUrl == null || imageBaseUrl.isBlank() || imageBaseUrl.chars().anyMatch(Character::isWhitespace)
                || imageBaseUrl.contains("\"") || imageBaseUrl.contains("\\")) {
            throw new IllegalArgumentException("imageBaseUrl must be a URL without spaces, quotes or backslashes");
        }
        this.cameras = List.copyOf(cameras);
        this.entries = List.copyOf(entries);
        this.imageBaseUrl = imageBaseUrl.endsWith("/") ? imageBaseUrl : imageBaseUrl + "/";
        this.random = random;
        this.clock = clock;
    }

    Published next() {
        String camera = cameras.get(random.nextInt(cameras.size()));
        String entry = entries.get(random.nextInt(entries.size()));
        String id = UUID.randomUUID().toString();
        double similarity = 0.80 + random.nextInt(20) / 100.0;
        String json = "{\"id\":\"" + id + "\""
                + ",\"cameraId\":\"" + camera + "\""
                + ",\"capturedAt\":\"" + clock.instant() + "\""
                + ",\"watchlistEntryId\":\"" + entry + "\""
                + ",\"similarity\":" + String.format(Locale.ROOT, "%.2f", similarity)
                + ",\"imageRef\":\"" + imageBaseUrl + camera + "/" + id + ".jpg\""
                + "}";
        // ids and entries are checked above to hold no character JSON would need escaped
        return new Published(id, "atalaya/face/" + camera + "/matches", json.getBytes(StandardCharsets.UTF_8));
    }
}
