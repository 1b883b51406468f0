package org.atalaya.routes.vehicleregistry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.HotlistVersionGap;

/**
 * The hub's hotlist sync as the connector sees it, kept in memory with the same version rules as
 * the store (the core's own tests cover the store and the index): a change set applies only onto
 * the version it starts from, once; a snapshot replaces the source's entries whole on commit.
 */
final class MemoryHotlistSync implements HotlistSync {

    final Map<String, HotlistEntry> entries = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();
    private HotlistSyncState state;

    @Override
    public synchronized HotlistSyncResult apply(HotlistChanges changes) throws HotlistVersionGap {
        if (state == null || changes.fromVersion() != state.version()) {
            if (state != null && changes.toVersion() == state.version()) {
                return new HotlistSyncResult(state, false, 0, 0, 0, 0, List.of());
            }
            throw new HotlistVersionGap("the hub is at another version", changes.source(),
                    state == null ? OptionalLong.empty() : OptionalLong.of(state.version()), changes.fromVersion(),
                    changes.toVersion());
        }
        long added = 0;
        long updated = 0;
        for (HotlistEntry entry : changes.upserts()) {
            if (entries.put(entry.reference(), entry) == null) {
                added++;
            } else {
                updated++;
            }
        }
        long removed = changes.removals().stream().filter(reference -> entries.remove(reference) != null).count();
        state = new HotlistSyncState(changes.source(), changes.toVersion(), Instant.now(), entries.size());
        applied.add("changes " + changes.fromVersion() + "-" + changes.toVersion());
        return new HotlistSyncResult(state, true, added, updated, removed, 0, List.of());
    }

    @Override
    public synchronized HotlistSnapshot beginSnapshot(String source, long version) {
        Map<String, HotlistEntry> staged = new LinkedHashMap<>();
        return new HotlistSnapshot() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public long version() {
                return version;
            }

            @Override
            public void add(List<HotlistEntry> page) {
                page.forEach(entry -> staged.put(entry.reference(), entry));
            }

            @Override
            public HotlistSyncResult commit() {
                synchronized (MemoryHotlistSync.this) {
                    long before = entries.size();
                    entries.clear();
                    entries.putAll(staged);
                    state = new HotlistSyncState(source, version, Instant.now(), entries.size());
                    applied.add("snapshot " + version);
                    return new HotlistSyncResult(state, true, Math.max(0, entries.size() - before), 0,
                            Math.max(0, before - entries.size()), 0, List.of());
                }
            }

            @Override
            public void close() {
                staged.clear();
            }
        };
    }

    @Override
    public synchronized Optional<HotlistSyncState> syncState(String source) {
        return Optional.ofNullable(state);
    }

    /** Puts the hub at a version of its own, as after a ministry that started again from 1. */
    synchronized void at(long version) {
        state = new HotlistSyncState(state.source(), version, state.syncedAt(), state.entries());
    }
}
