package org.atalaya.api.anpr;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a vehicle registry what it holds about a plate, for a hit the hub has just made. The
 * question goes out at once and is answered later: the caller decides how long a hit may wait
 * for it. Each question is a consultation of personal data, audited by the implementation.
 */
public interface VehicleLookup {

    /**
     * @param plate   the normalised plate
     * @param country ISO 3166-1 alpha-2, or {@code null} when not known
     * @param hitId   the hit it is asked for, recorded in the audit log as the reason
     * @return completes with the details, empty when the registry does not know the plate, or
     *         exceptionally when it could not be asked
     */
    CompletableFuture<Optional<VehicleDetails>> lookup(String plate, String country, String hitId);
}
