package org.atalaya.api.anpr;

import java.util.Optional;

/**
 * Keeps in step the entries of a source that publishes its list as versions, such as the Interior
 * Ministry's vehicle registry: a full snapshot first, then the change sets from one version to the
 * next. The hub records each source's version, so a change set applies only onto the version it
 * starts from, and never twice; the entries of other sources (manual, CSV imports, other
 * registries) are never touched. A synced source's entries belong to its sync: a manual change to
 * one is overwritten by the next change set that names it, and undone by the next snapshot.
 *
 * <p>Every change is applied as a whole, in the store (one transaction) and in what reads are
 * matched against: no read is ever matched against part of a change set or of a snapshot. The
 * hotlist is persisted, so a restarted hub matches the last synced list before its first sync.
 */
public interface HotlistSync {

    /**
     * Applies a change set onto the source's stored version.
     *
     * @return what it did; {@link HotlistSyncResult#applied()} is {@code false}, and nothing was
     *         changed, when this change set had already been applied (it ends at the stored version)
     * @throws HotlistVersionGap        when it starts at another version than the stored one, or the
     *                                  source was never loaded: nothing was changed, load a snapshot
     * @throws IllegalArgumentException when the change set is not valid
     */
    HotlistSyncResult apply(HotlistChanges changes) throws HotlistVersionGap;

    /**
     * Begins loading a full snapshot of a source at a version; a snapshot of this source that was
     * being loaded is abandoned.
     */
    HotlistSnapshot beginSnapshot(String source, long version);

    /** Where a source stands; empty when no snapshot of it was ever committed. */
    Optional<HotlistSyncState> syncState(String source);
}
