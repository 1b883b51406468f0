package org.atalaya.correlation.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.HotlistRepository;
import org.atalaya.api.anpr.HotlistRepository.AppliedChanges;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotlist reads are matched against: the stored list and its in-memory index, changed
 * together, one change at a time. Each change is stored first (one transaction), then applied to
 * the index as one change set, so a read sees it whole or not at all; the entries it lists anew or
 * differently are then looked for among the past reads, on the past-hit thread.
 *
 * <p>For a source kept in step by version, a change set goes the same way. A full snapshot
 * replaces up to millions of entries at once: after its commit the index is rebuilt from the
 * store, aside, while reads go on against the current one, and then swapped in
 * ({@link HotlistIndex#replaceWith}). An entry the index cannot hold (its plate is not a licence
 * plate, its country not an ISO code) is not listed and is reported; for the hub, the source then
 * does not list its reference.
 */
final class LiveHotlist implements HotlistSync {

    /** Entries per chunk of an import, of the index's load, and of a snapshot's past-hit check. */
    static final int CHUNK = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(LiveHotlist.class);

    /** Looks for the past hits of entries listed at a time; called on the past-hit thread. */
    @FunctionalInterface
    interface PastHitCheck {
        void check(List<HotlistEntry> listed, Instant listedAt);
    }

    private final HotlistRepository store;
    private final HotlistIndex index;
    private final int expectedEntries;
    private final Executor pastHitThread;
    private final PastHitCheck pastHits;
    private final Clock clock;

    /**
     * @param store           where the list is kept
     * @param index           the index reads are matched against, loaded from {@code store}
     * @param expectedEntries the least capacity of an index rebuilt after a snapshot
     * @param pastHitThread   where past hits are looked for
     * @param pastHits        how
     */
    LiveHotlist(HotlistRepository store, HotlistIndex index, int expectedEntries, Executor pastHitThread,
            PastHitCheck pastHits, Clock clock) {
        this.store = store;
        this.index = index;
        this.expectedEntries = expectedEntries;
        this.pastHitThread = pastHitThread;
        this.pastHits = pastHits;
        this.clock = clock;
    }

    /**
     * An index of every stored entry, whatever its source: what a starting hub matches against
     * before any change or sync, and what a snapshot's commit swaps in.
     */
    static HotlistIndex load(HotlistRepository store, OcrEquivalence equivalence, int expectedEntries) {
        long stored = store.count();
        HotlistIndex index = new HotlistIndex(equivalence, (int) Math.min(Integer.MAX_VALUE / 2,
                Math.max(expectedEntries, stored + stored / 4)));
        List<HotlistEntry> chunk = new ArrayList<>(CHUNK);
        store.forEach(entry -> {
            chunk.add(entry);
            if (chunk.size() == CHUNK) {
                index.apply(List.of(), chunk);
                chunk.clear();
            }
        });
        index.apply(List.of(), chunk);
        return index;
    }

    HotlistIndex index() {
        return index;
    }

    synchronized HotlistEntry add(HotlistEntry entry) {
        HotlistEntry stored = store.add(List.of(HotlistCsv.normalised(entry))).get(0);
        index.add(stored);
        LOG.info("Hotlist: listed {} ({}, priority {}, source {}) as entry {}", stored.plate(), stored.category(),
                stored.priority(), stored.source(), stored.id());
        checkPastReads(List.of(stored));
        return stored;
    }

    /** Replaces the entry with the same id; returns it as listed now, or empty when there is none. */
    synchronized Optional<HotlistEntry> update(HotlistEntry entry) {
        HotlistEntry replacement = HotlistCsv.normalised(entry);
        // the store answers with the entry it replaced: the index drops that one for the replacement
        Optional<HotlistEntry> replaced = store.update(replacement);
        replaced.ifPresent(before -> {
            index.apply(List.of(before), List.of(replacement));
            LOG.info("Hotlist: entry {} updated ({})", replacement.id(), replacement.plate());
            checkPastReads(List.of(replacement));
        });
        return replaced.map(before -> replacement);
    }

    synchronized Optional<HotlistEntry> remove(long id) {
        Optional<HotlistEntry> removed = store.remove(id);
        removed.ifPresent(entry -> {
            index.remove(entry);
            LOG.info("Hotlist: entry {} ({}) removed", id, entry.plate());
        });
        return removed;
    }

    synchronized HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) throws IOException {
        HotlistCsv rows = new HotlistCsv(defaultSource, clock.instant());
        long[] counts = new long[2];
        rows.read(csv, CHUNK, chunk -> {
            List<HotlistEntry> removed = new ArrayList<>();
            List<HotlistEntry> replaced = new ArrayList<>();
            List<HotlistEntry> fresh = new ArrayList<>();
            for (HotlistEntry entry : chunk) {
                Optional<HotlistEntry> existing = entry.reference() == null ? Optional.empty()
                        : store.findByReference(entry.source(), entry.reference());
                if (existing.isPresent()) {
                    removed.add(existing.get());
                    HotlistEntry replacement = withId(entry, existing.get().id());
                    store.update(replacement);
                    replaced.add(replacement);
                } else {
                    fresh.add(entry);
                }
            }
            List<HotlistEntry> added = store.add(fresh);
            List<HotlistEntry> changed = new ArrayList<>(added);
            changed.addAll(replaced);
            index.apply(removed, changed);
            counts[0] += added.size();
            counts[1] += replaced.size();
            checkPastReads(changed);
            progress.accept(rows.rows());
        });
        progress.accept(rows.rows());
        LOG.info("Hotlist import from {}: {} added, {} replaced, {} rejected", defaultSource, counts[0], counts[1],
                rows.rejected().size());
        return new HotlistImport(counts[0], counts[1], rows.rejected());
    }

    // --- sources kept in step by version -------------------------------------------------

    @Override
    public synchronized HotlistSyncResult apply(HotlistChanges changes) {
        List<HotlistEntry> upserts = new ArrayList<>(changes.upserts().size());
        List<String> removals = new ArrayList<>(changes.removals());
        List<String> rejected = new ArrayList<>();
        for (HotlistEntry entry : changes.upserts()) {
            try {
                upserts.add(HotlistCsv.normalised(entry));
            } catch (IllegalArgumentException unmatchable) {
                rejected.add(entry.reference() + ": " + unmatchable.getMessage());
                removals.add(entry.reference());
            }
        }
        AppliedChanges applied = store.apply(new HotlistChanges(changes.source(), changes.fromVersion(),
                changes.toVersion(), upserts, removals));
        HotlistSyncResult result = applied.result();
        if (!result.applied()) {
            LOG.info("Hotlist sync: the changes of {} from version {} to {} were applied already; nothing changed",
                    changes.source(), changes.fromVersion(), changes.toVersion());
            return result;
        }
        index.apply(applied.unlisted(), applied.listed());
        LOG.info("Hotlist sync: {} from version {} to {}: {} added, {} updated, {} removed, {} unchanged, {} rejected",
                changes.source(), changes.fromVersion(), changes.toVersion(), result.added(), result.updated(),
                result.removed(), result.unchanged(), rejected.size());
        checkPastReads(applied.listed());
        return withRejected(result, rejected);
    }

    @Override
    public HotlistSnapshot beginSnapshot(String source, long version) {
        HotlistSnapshot stored = store.beginSnapshot(source, version);
        LOG.info("Hotlist sync: loading a snapshot of {} at version {}", source, version);
        return new Snapshot(stored);
    }

    @Override
    public Optional<HotlistSyncState> syncState(String source) {
        return store.syncState(source);
    }

    private void checkPastReads(List<HotlistEntry> listed) {
        if (listed.isEmpty()) {
            return;
        }
        Instant listedAt = clock.instant();
        List<HotlistEntry> entries = List.copyOf(listed);
        pastHitThread.execute(() -> pastHits.check(entries, listedAt));
    }

    /**
     * Looks for the past hits of what a snapshot listed anew or changed: read back from the store
     * a chunk at a time on the past-hit thread, so a million new entries never wait in memory.
     */
    private void checkPastReads(String source, long version, Instant listedAt) {
        pastHitThread.execute(() -> {
            try {
                long after = 0;
                for (List<HotlistEntry> chunk = store.listSynced(source, version, after, CHUNK); !chunk.isEmpty();
                        chunk = store.listSynced(source, version, after, CHUNK)) {
                    pastHits.check(chunk, listedAt);
                    after = chunk.get(chunk.size() - 1).id();
                }
            } catch (RuntimeException failure) {
                LOG.error("Past-hit check of the {} snapshot of version {} failed", source, version, failure);
            }
        });
    }

    private static HotlistSyncResult withRejected(HotlistSyncResult result, List<String> rejected) {
        return rejected.isEmpty() ? result : new HotlistSyncResult(result.state(), result.applied(), result.added(),
                result.updated(), result.removed(), result.unchanged(), rejected);
    }

    private static HotlistEntry withId(HotlistEntry entry, long id) {
        return new HotlistEntry(id, entry.plate(), entry.country(), entry.category(), entry.priority(), entry.source(),
                entry.reason(), entry.reference(), entry.validFrom(), entry.validUntil());
    }

    /** A snapshot whose entries are normalised as they come, and whose commit swaps the index. */
    private final class Snapshot implements HotlistSnapshot {

        private final HotlistSnapshot stored;
        private final List<String> rejected = new ArrayList<>();

        Snapshot(HotlistSnapshot stored) {
            this.stored = stored;
        }

        @Override
        public String source() {
            return stored.source();
        }

        @Override
        public long version() {
            return stored.version();
        }

        @Override
        public void add(List<HotlistEntry> page) {
            List<HotlistEntry> listable = new ArrayList<>(page.size());
            List<String> unmatchable = new ArrayList<>();
            for (HotlistEntry entry : page) {
                try {
                    listable.add(HotlistCsv.normalised(entry));
                } catch (IllegalArgumentException bad) {
                    unmatchable.add(entry.reference() + ": " + bad.getMessage());
                }
            }
            stored.add(listable);
            // reported once the page is staged: a page refused whole reports nothing
            rejected.addAll(unmatchable);
        }

        @Override
        public HotlistSyncResult commit() {
            HotlistSyncResult result;
            Instant listedAt;
            long started = System.nanoTime();
            synchronized (LiveHotlist.this) {
                result = stored.commit();
                long committed = System.nanoTime();
                try {
                    index.replaceWith(load(store, index.equivalence(), expectedEntries));
                } catch (RuntimeException failure) {
                    LOG.error("Hotlist sync: the snapshot of {} at version {} is stored, but the index could not be"
                            + " rebuilt: reads are matched against the list before it until the next snapshot or"
                            + " a restart", source(), version(), failure);
                    throw failure;
                }
                listedAt = clock.instant();
                LOG.info("Hotlist sync: {} at version {} from a snapshot: {} added, {} updated, {} removed,"
                        + " {} unchanged, {} rejected; stored in {} ms, index of {} entries swapped in {} ms",
                        source(), version(), result.added(), result.updated(), result.removed(), result.unchanged(),
                        rejected.size(), (committed - started) / 1_000_000, index.size(),
                        (System.nanoTime() - committed) / 1_000_000);
            }
            if (result.added() + result.updated() > 0) {
                checkPastReads(source(), version(), listedAt);
            }
            return withRejected(result, rejected);
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
