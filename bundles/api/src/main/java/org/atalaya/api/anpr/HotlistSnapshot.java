package org.atalaya.api.anpr;

import java.util.List;

/**
 * A full snapshot of one source's list at one version, loaded page by page and listed in one step.
 * Until {@link #commit()}, reads are matched against the entries as they were; from then on,
 * against exactly the snapshot's entries of this source, with the other sources' untouched. The
 * pages wait in the store, not in memory, so a snapshot of millions of entries takes no more heap
 * than its largest page.
 *
 * <p>Closing a snapshot that was not committed abandons it; beginning another snapshot of the same
 * source abandons it too (its commit then fails). One thread at a time uses a snapshot.
 */
public interface HotlistSnapshot extends AutoCloseable {

    String source();

    /** The source's version the snapshot is of. */
    long version();

    /**
     * Adds a page of entries, each of the snapshot's source, with a reference, and each reference
     * once in the whole snapshot; their ids are ignored. An entry the hub cannot match is not
     * listed and is reported by {@link #commit()}.
     *
     * @throws IllegalArgumentException when an entry is of another source, has no reference, or
     *                                  repeats a reference of the page; nothing of the page is added
     * @throws IllegalStateException    when the snapshot was committed, closed or abandoned
     */
    void add(List<HotlistEntry> page);

    /**
     * Replaces the source's entries with the snapshot's in one transaction, records its version,
     * and swaps what reads are matched against at once. Entries whose source and reference were
     * listed keep their ids; new and changed entries are looked for among past reads.
     *
     * @throws IllegalStateException when the snapshot was committed, closed or abandoned
     */
    HotlistSyncResult commit();

    /**
     * Releases what the snapshot holds in the store, and abandons it unless it was committed; does
     * nothing the second time. A snapshot never closed is cleared when the next one of its source
     * begins.
     */
    @Override
    void close();
}
