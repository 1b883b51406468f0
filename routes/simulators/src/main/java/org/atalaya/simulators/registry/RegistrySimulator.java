package org.atalaya.simulators.registry;

import java.net.URI;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.internal.StandaloneMinistry;

/**
 * The simulated Interior Ministry's vehicle registry service (contract
 * {@code urn:es:interior:vehicle-registry:v1}), steered by tests and the demo. Each change made
 * here is one new version of the hotlist, in the change feed the service gives the hub, like the
 * changes its own feed makes.
 */
public interface RegistrySimulator {

    /** Where the service answers, {@code http://127.0.0.1:8190/vehicle-registry/v1}. */
    URI address();

    /** The hotlist's current version: 1 for the generated list, one more with each change. */
    long version();

    /** How many entries the hotlist lists now. */
    long size();

    /** The entry listed under {@code reference} now; empty if there is none or it was removed. */
    Optional<Listing> list(String reference);

    /**
     * Lists a vehicle from now on, with no end and no SIS alert, under a new reference.
     *
     * @param plate normalised: upper-case Latin letters and digits only
     * @return the new entry
     * @throws IllegalArgumentException if the plate, the country (ISO 3166-1 alpha-2) or the
     *         priority (0 to 100) is not one
     */
    Listing addEntry(String plate, String country, AlertCategory category, int priority, String reason);

    /**
     * Replaces the listed entry with {@code changed}'s reference.
     *
     * @throws NoSuchElementException if no entry is listed under it
     */
    Listing updateEntry(Listing changed);

    /** Removes the entry; false if none is listed under {@code reference}. */
    boolean removeEntry(String reference);

    /**
     * Closes the service's listening socket, and its open connections, so that callers get
     * "connection refused"; false opens it again on the same port.
     */
    void setDown(boolean down);

    /** Delays every answer (a fault too) by {@code latency}; zero for none. */
    void setLatency(Duration latency);

    /** The next {@code n} operations called (after authentication) fail with ServiceUnavailable. */
    void failNext(int n);

    /** How many distinct hit notices (idempotency keys) the service acknowledged. */
    long hitNotices();

    /** How many of them were of {@code plate} (normalised). */
    long hitNoticesFor(String plate);

    /**
     * Starts a simulator outside an OSGi container, for tests and benchmarks: on a free loopback
     * port, its hotlist generated from {@code seed}, checking this account, with no change feed.
     */
    static Standalone start(int entries, long seed, String user, String password) throws Exception {
        return StandaloneMinistry.start(entries, seed, user, password);
    }

    /** A simulator started by {@link #start}: closing it stops its server. */
    interface Standalone extends RegistrySimulator, AutoCloseable {

        @Override
        void close();
    }
}
