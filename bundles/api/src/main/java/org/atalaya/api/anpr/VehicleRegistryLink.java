package org.atalaya.api.anpr;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * The hub's link to a vehicle registry that keeps a hotlist source in step (the Interior
 * Ministry's): where it stands, for operators, and a sync on demand.
 */
public interface VehicleRegistryLink {

    /** Where the link stands now. */
    Status status();

    /**
     * Syncs now, waiting for a scheduled sync that is running to end first.
     *
     * @param full     load a full snapshot even if the changes would do
     * @param progress told the entries loaded so far while a snapshot loads
     * @throws Exception the failure that stopped it; what was applied before stays applied
     */
    SyncReport sync(boolean full, LongConsumer progress) throws Exception;

    /**
     * @param source          the hotlist source ({@code interior-ministry})
     * @param address         the registry's service address
     * @param version         the source's version the hub holds; 0 when it holds none
     * @param registryVersion the registry's version when last asked; 0 when never asked
     * @param entries         the source's entries the hub lists
     * @param lastSync        the last successful sync (changes applied or the version confirmed);
     *                        {@code null} if never
     * @param lastAttempt     the last sync tried since the hub started; {@code null} if none yet
     * @param lastFailure     why the last sync failed; {@code null} when it succeeded
     * @param stale           whether the list is stale: no successful sync for {@code staleAfter}
     * @param staleAfter      how long without a successful sync makes the list stale
     * @param breaker         the circuit breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}
     * @param noticesDelivered hit notices the registry acknowledged since the hub started
     */
    record Status(String source, String address, long version, long registryVersion, long entries,
            Instant lastSync, Instant lastAttempt, String lastFailure, boolean stale, Duration staleAfter,
            String breaker, long noticesDelivered) {

        /** How many versions the hub is behind the registry, as last known. */
        public long lag() {
            return Math.max(0, registryVersion - version);
        }
    }

    /**
     * @param kind        {@code SNAPSHOT}, {@code CHANGES} or {@code CONFIRMED} (nothing new)
     * @param fromVersion the hub's version before; 0 when it held none
     * @param toVersion   the hub's version after
     * @param added       entries listed
     * @param updated     entries changed
     * @param removed     entries taken off
     * @param rejected    entries the hub could not list
     * @param entries     the source's entries listed after
     * @param took        how long it took
     */
    record SyncReport(String kind, long fromVersion, long toVersion, long added, long updated, long removed,
            long rejected, long entries, Duration took) {
    }
}
