package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the vehicle registry holds about a plate: its registration and every alert on it.
 *
 * @param plate              the normalised plate
 * @param country            ISO 3166-1 alpha-2 country of the plate
 * @param registrationStatus {@code REGISTERED}, {@code TEMPORARILY_DEREGISTERED},
 *                           {@code DEREGISTERED} or {@code FOREIGN} (not on the national register)
 * @param make               the make, if known
 * @param model              the model, if known
 * @param colour             the colour, if known
 * @param alerts             the alerts on it, current or not, in the registry's categories
 * @param source             the registry that answered ({@code interior-ministry})
 * @param lookedUpAt         when it answered
 */
public record VehicleDetails(String plate, String country, String registrationStatus, String make, String model,
        String colour, List<VehicleAlert> alerts, String source, Instant lookedUpAt) {

    public VehicleDetails {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lookedUpAt, "lookedUpAt");
        alerts = List.copyOf(alerts);
    }

    /**
     * An alert on a vehicle.
     *
     * @param reference  the registry's reference of it
     * @param category   SIS article 38 category, or other
     * @param priority   0 to 100
     * @param reason     why it was issued
     * @param validFrom  from when it applies
     * @param validUntil until when, exclusive; {@code null} for no end
     * @param sisAlertId the Schengen Information System alert, if it is one
     */
    public record VehicleAlert(String reference, HotlistCategory category, int priority, String reason,
            Instant validFrom, Instant validUntil, String sisAlertId) {

        public VehicleAlert {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(category, "category");
        }
    }
}
