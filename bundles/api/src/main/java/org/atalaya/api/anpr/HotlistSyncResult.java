package org.atalaya.api.anpr;

import java.util.List;
import java.util.Objects;

/**
 * What applying a change set or committing a snapshot did.
 *
 * @param state     the source's state after it
 * @param applied   {@code false} when the change set had been applied already: nothing changed
 * @param added     entries newly listed
 * @param updated   entries that were listed and changed (same reference, same id)
 * @param removed   entries no longer listed
 * @param unchanged entries listed again exactly as they were
 * @param rejected  one line per entry the hub cannot match and so does not list (its plate is not a
 *                  licence plate, its country not an ISO 3166 code): its reference and why. The
 *                  source's entry of that reference, if the hub held one, is removed.
 */
public record HotlistSyncResult(HotlistSyncState state, boolean applied, long added, long updated, long removed,
        long unchanged, List<String> rejected) {

    public HotlistSyncResult {
        Objects.requireNonNull(state, "state");
        rejected = List.copyOf(rejected);
    }
}
