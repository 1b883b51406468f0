package org.atalaya.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.event.RejectedEvent;

/**
 * What every connector checks first on what a device or agency sent: size, JSON within tight
 * limits (nesting, string and number length), typed fields, and times that are neither ahead of
 * the hub's clock nor too old. Each failure is a {@link RejectedEvent} whose reason names the
 * field, so the sender can act on it.
 */
public final class EdgeValidation {

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8).maxStringLength(4096).maxNumberLength(32).build())
            .build());
    private final int maxBytes;
    private final Duration maxClockSkew;
    private final Duration maxAge;
    private final Clock clock;

    public EdgeValidation(int maxBytes, Duration maxClockSkew, Duration maxAge, Clock clock) {
        this.maxBytes = maxBytes;
        this.maxClockSkew = maxClockSkew;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Refuses an empty payload or one over the size limit. */
    public void checkSize(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new RejectedEvent("empty payload");
        }
        if (payload.length > maxBytes) {
            throw new RejectedEvent("payload of " + payload.length + " bytes exceeds the limit of " + maxBytes);
        }
    }

    /**
     * Parses JSON within the limits.
     *
     * @param expected what the payload should have been, for the reason ("JSON", "JSON or XML")
     */
    public JsonNode readJson(byte[] payload, String expected) {
        requireUtf8(payload, expected);
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new RejectedEvent("not valid " + expected + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedEvent("unreadable payload: " + e.getMessage());
        }
    }

    /**
     * Refuses what is not UTF-8 in its one form per character. The JSON parser decodes overlong
     * forms, surrogates and sequences past U+10FFFF as if they were characters, so a '/' sent in
     * two bytes would reach a plate or an id as a separator that no check saw.
     *
     * @param expected what the payload should have been, for the reason ("JSON")
     */
    public static void requireUtf8(byte[] payload, String expected) {
        // plate reads are almost always ASCII, which is UTF-8 as it stands: no decoding, no buffer
        int i = 0;
        while (i < payload.length && payload[i] >= 0) {
            i++;
        }
        if (i == payload.length) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(payload);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(bytes, CharBuffer.allocate(payload.length),
                true);
        if (result.isError()) {
            throw new RejectedEvent("not valid " + expected + ": not UTF-8 at byte " + bytes.position()
                    + " (a malformed or overlong sequence, a surrogate, or a code point past U+10FFFF)");
        }
    }

    /** The string field {@code name} of {@code node}; {@code at} prefixes the field in reasons. */
    public static String text(JsonNode node, String name, String at) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new RejectedEvent(at + name + " is missing");
        }
        if (!value.isTextual()) {
            throw new RejectedEvent(at + name + " must be a string");
        }
        return value.textValue();
    }

    /** An ISO-8601 date-time with offset, within the clock skew and the maximum age. */
    public Instant instant(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw new RejectedEvent(field + " is missing");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedEvent(field + " '" + abbreviate(text) + "' is not an ISO-8601 date-time with offset");
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(maxClockSkew))) {
            throw new RejectedEvent(field + " " + at + " is more than " + maxClockSkew.toSeconds()
                    + " s ahead of the hub's clock");
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw new RejectedEvent(field + " " + at + " is older than " + maxAge.toHours() + " h");
        }
        return at;
    }

    /** Text quoted in a reason, cut to 40 characters: a reason must not echo a whole payload. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
