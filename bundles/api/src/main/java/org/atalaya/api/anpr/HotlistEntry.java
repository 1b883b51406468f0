package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.Objects;

/**
 * A plate on a stolen or wanted vehicle list.
 *
 * @param id         the entry's id in the hub
 * @param plate      the normalised plate
 * @param country    ISO 3166-1 alpha-2 country of the plate, or {@code null} for any country
 * @param category   why it is listed
 * @param priority   0 (lowest) to 100 (highest)
 * @param source     who listed it ("interior-ministry", "local-police" ...)
 * @param reason     a short reason operators read on the alert
 * @param reference  the source's own reference (case, SIS or Interpol record)
 * @param validFrom  from when it is listed
 * @param validUntil until when it is listed, exclusive; {@code null} for no end
 */
public record HotlistEntry(long id, String plate, String country, HotlistCategory category, int priority,
        String source, String reason, String reference, Instant validFrom, Instant validUntil) {

    /** The most characters of {@link #source()} the hub stores. */
    public static final int MAX_SOURCE = 64;
    /** The most characters of {@link #reason()} the hub stores. */
    public static final int MAX_REASON = 400;
    /** The most characters of {@link #reference()} the hub stores. */
    public static final int MAX_REFERENCE = 128;

    public HotlistEntry {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validFrom, "validFrom");
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be 0 to 100: " + priority);
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
    }
}
