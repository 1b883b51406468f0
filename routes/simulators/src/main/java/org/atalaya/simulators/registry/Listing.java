package org.atalaya.simulators.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.atalaya.registry.v1.AlertCategory;

/**
 * A vehicle on the simulated ministry's hotlist, as its vehicle registry service lists it.
 *
 * @param reference  the ministry's id of the entry, {@code HL-00000042}; never reused
 * @param plate      the normalised plate: upper-case Latin letters and digits only
 * @param country    ISO 3166-1 alpha-2 country of the plate
 * @param category   why it is listed
 * @param priority   0 (lowest) to 100 (highest)
 * @param reason     a short reason
 * @param validFrom  from when it is listed
 * @param validUntil until when, exclusive; {@code null} for no end
 * @param sisAlertId the Schengen Information System alert it comes from, or {@code null}
 */
public record Listing(String reference, String plate, String country, AlertCategory category, int priority,
        String reason, Instant validFrom, Instant validUntil, String sisAlertId) {

    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Listing {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(validFrom, "validFrom");
        if (!PLATE.matcher(plate).matches()) {
            throw new IllegalArgumentException("plate must be upper-case letters and digits only: " + plate);
        }
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be ISO 3166-1 alpha-2: " + country);
        }
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be 0 to 100: " + priority);
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
    }

    /** The same entry with another priority and reason, as an update from the ministry. */
    public Listing withPriority(int newPriority, String newReason) {
        return new Listing(reference, plate, country, category, newPriority, newReason, validFrom, validUntil,
                sisAlertId);
    }
}
