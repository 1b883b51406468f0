package org.atalaya.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.atalaya.api.anpr.VehicleRegistryLink;

/**
 * The registry connector as the commands see it: a status and a sync that reports the entries
 * loaded so far, then answers or fails, as told.
 */
final class StubRegistryLink implements VehicleRegistryLink {

    private final List<Boolean> syncs = new ArrayList<>();
    private Status status;
    private SyncReport report;
    private Exception failure;
    private long[] loaded = {};

    StubRegistryLink status(Status now) {
        this.status = now;
        return this;
    }

    /** The next sync reports {@code entriesLoaded} as it goes, then answers {@code answer}. */
    StubRegistryLink answers(SyncReport answer, long... entriesLoaded) {
        this.report = answer;
        this.failure = null;
        this.loaded = entriesLoaded;
        return this;
    }

    /** The next sync reports {@code entriesLoaded} as it goes, then throws {@code thrown}. */
    StubRegistryLink fails(Exception thrown, long... entriesLoaded) {
        this.failure = thrown;
        this.loaded = entriesLoaded;
        return this;
    }

    /** The {@code full} of each sync asked for, in order. */
    List<Boolean> syncs() {
        return syncs;
    }

    @Override
    public Status status() {
        return status;
    }

    @Override
    public SyncReport sync(boolean full, LongConsumer progress) throws Exception {
        syncs.add(full);
        for (long entries : loaded) {
            progress.accept(entries);
        }
        if (failure != null) {
            throw failure;
        }
        return report;
    }
}
