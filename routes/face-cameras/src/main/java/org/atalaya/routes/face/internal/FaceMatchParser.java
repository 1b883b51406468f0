package org.atalaya.routes.face.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.runtime.EdgeValidation;

/**
 * Turns what a camera's analytics sent into {@link FaceMatch}es, or rejects it with a reason:
 * Atalaya JSON, one match as an object or a batch as an array. Only real-time matches are taken
 * (no older than the configured age), and only a reference to the frame: a payload that carries
 * the image itself ({@code data:} URI) is refused, because the hub never stores images. Reasons
 * never echo a watchlist entry or an image reference.
 */
final class FaceMatchParser {

    static final int MAX_BATCH = 100;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#-]{0,127}");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern WATCHLIST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#/-]{0,127}");
    private static final int MAX_IMAGE_REF = 2048;

    private final EdgeValidation edge;
    private final Duration maxAge;
    private final Clock clock;

    FaceMatchParser(int maxBytes, Duration maxClockSkew, Duration maxAge, Clock clock) {
        // the edge checks only the skew; the age is checked here, in minutes, with a reason that says why
        this.edge = new EdgeValidation(maxBytes, maxClockSkew, Duration.ofDays(36_500), clock);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * @param payload     the bytes as received
     * @param topicCamera the camera named by the MQTT topic, or {@code null} over REST
     */
    List<FaceMatch> parse(byte[] payload, String topicCamera) {
        edge.checkSize(payload);
        JsonNode root = edge.readJson(payload, "JSON");
        if (root != null && root.isObject()) {
            return List.of(match(root, topicCamera, ""));
        }
        if (root != null && root.isArray()) {
            if (root.isEmpty()) {
                throw new RejectedEvent("empty batch");
            }
            if (root.size() > MAX_BATCH) {
                throw new RejectedEvent("at most " + MAX_BATCH + " matches per batch");
            }
            List<FaceMatch> matches = new ArrayList<>(root.size());
            for (int i = 0; i < root.size(); i++) {
                if (!root.get(i).isObject()) {
                    throw new RejectedEvent("[" + i + "] must be an object");
                }
                matches.add(match(root.get(i), topicCamera, "[" + i + "]."));
            }
            return matches;
        }
        throw new RejectedEvent("payload must be a JSON object or a JSON array");
    }

    private FaceMatch match(JsonNode node, String topicCamera, String at) {
        String cameraId = node.hasNonNull("cameraId") ? EdgeValidation.text(node, "cameraId", at) : topicCamera;
        if (cameraId == null) {
            throw new RejectedEvent(at + "cameraId is missing");
        }
        if (!CAMERA_ID.matcher(cameraId).matches()) {
            throw new RejectedEvent(at + "cameraId must be 1-64 letters, digits, '-' or '_'");
        }
        if (topicCamera != null && !topicCamera.equals(cameraId)) {
            throw new RejectedEvent(at + "cameraId '" + cameraId + "' does not match the topic's camera '"
                    + topicCamera + "'");
        }
        Instant capturedAt = edge.instant(EdgeValidation.text(node, "capturedAt", at), at + "capturedAt");
        if (capturedAt.isBefore(clock.instant().minus(maxAge))) {
            throw new RejectedEvent(at + "capturedAt " + capturedAt + " is older than " + maxAge.toMinutes()
                    + " min: only real-time matches are taken");
        }
        String entry = EdgeValidation.text(node, "watchlistEntryId", at);
        if (!WATCHLIST_ID.matcher(entry).matches()) {
            throw new RejectedEvent(at + "watchlistEntryId must be 1-128 letters, digits or '.', ':', '@', '#', '/',"
                    + " '-', '_'");
        }
        JsonNode similarity = node.get("similarity");
        if (similarity == null || !similarity.isNumber()) {
            throw new RejectedEvent(at + "similarity must be a number from 0 to 1");
        }
        double score = similarity.doubleValue();
        if (!(score >= 0 && score <= 1)) {
            throw new RejectedEvent(at + "similarity " + score + " is not from 0 to 1");
        }
        String imageRef = EdgeValidation.text(node, "imageRef", at);
        if (imageRef.isEmpty() || imageRef.length() > MAX_IMAGE_REF
                || imageRef.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new RejectedEvent(at + "imageRef must be a URI or id of at most " + MAX_IMAGE_REF
                    + " characters, without spaces or control characters");
        }
        if (imageRef.toLowerCase(Locale.ROOT).startsWith("data:")) {
            throw new RejectedEvent(at + "imageRef must refer to the frame at the camera's vendor, not carry it:"
                    + " the hub does not store images");
        }
        // Deterministic, so a match the camera sends twice is still accepted once; the entry only
        // as a hash, because ids go into logs and the audit log.
        String id = node.hasNonNull("id") ? EdgeValidation.text(node, "id", at)
                : cameraId + "@" + capturedAt.toEpochMilli() + "#" + digest(entry);
        if (!ID.matcher(id).matches()) {
            throw new RejectedEvent(at + "id must be 1-128 letters, digits or '.', ':', '@', '#', '-', '_'");
        }
        return new FaceMatch(id, cameraId, capturedAt, entry, score, imageRef);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
