package org.atalaya.api.anpr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the hotlist is kept (the store bundle). The correlation bundle is its one writer: it
 * keeps its in-memory index in step; others use {@link Hotlist}.
 */
public interface HotlistRepository {

    /** Stores new entries in one transaction; returns them with their ids. */
    List<HotlistEntry> add(List<HotlistEntry> entries);

    /** Replaces the entry with the same id; returns the entry it replaced, if there was one. */
    Optional<HotlistEntry> update(HotlistEntry entry);

    Optional<HotlistEntry> remove(long id);

    Optional<HotlistEntry> find(long id);

    Optional<HotlistEntry> findByReference(String source, String reference);

    List<HotlistEntry> list(String plate, long afterId, int limit);

    /** Streams every entry to {@code sink}; returns how many. */
    long forEach(Consumer<HotlistEntry> sink);

    long count();

    /**
     * Applies a source's change set in one transaction, after checking it starts at the source's
     * stored version (locked until the commit), and records its version; the entries are
     * normalised already. See {@link HotlistSync#apply}.
     *
     * @return what changed, for the caller's index to follow
     * @throws HotlistVersionGap when it does not start at the stored version: nothing was changed
     */
    AppliedChanges apply(HotlistChanges changes) throws HotlistVersionGap;

    /**
     * Begins staging a full snapshot of a source, abandoning one of the same source being staged;
     * its entries are normalised already. Its commit replaces the source's entries in one
     * transaction and records its version. See {@link HotlistSnapshot}.
     */
    HotlistSnapshot beginSnapshot(String source, long version);

    /** Where a synced source stands; empty when no snapshot of it was ever committed. */
    Optional<HotlistSyncState> syncState(String source);

    /**
     * The entries of a synced source that the change set or snapshot of a version listed or
     * changed, by id, after {@code afterId}, at most {@code limit}.
     */
    List<HotlistEntry> listSynced(String source, long version, long afterId, int limit);

    /**
     * What a change set did to the stored list.
     *
     * @param result   the counts and the source's state after it
     * @param unlisted the entries as they were before they were removed or replaced
     * @param listed   the entries added or replaced, as they are now, with their ids
     */
    record AppliedChanges(HotlistSyncResult result, List<HotlistEntry> unlisted, List<HotlistEntry> listed) {

        public AppliedChanges {
            Objects.requireNonNull(result, "result");
            unlisted = List.copyOf(unlisted);
            listed = List.copyOf(listed);
        }
    }
}
