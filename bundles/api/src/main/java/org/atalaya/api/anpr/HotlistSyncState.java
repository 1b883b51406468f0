package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a source kept in step through {@link HotlistSync} stands in the hub.
 *
 * @param source   the source ("interior-ministry")
 * @param version  the source's version the hub's entries of it are at
 * @param syncedAt when a snapshot or change set of it was last applied
 * @param entries  how many entries of it are listed: counted by each snapshot, kept up to date by
 *                 each change set (a manual change to one of its entries shows at the next snapshot)
 */
public record HotlistSyncState(String source, long version, Instant syncedAt, long entries) {

    public HotlistSyncState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(syncedAt, "syncedAt");
    }
}
