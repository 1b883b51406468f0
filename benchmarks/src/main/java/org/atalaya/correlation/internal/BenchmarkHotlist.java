package org.atalaya.correlation.internal;

import java.time.Clock;

import org.atalaya.api.anpr.HotlistRepository;
import org.atalaya.api.anpr.HotlistSync;

/** The hub's hotlist sync (store and index) as the correlation bundle makes it, for benchmarks. */
public final class BenchmarkHotlist {

    private final HotlistIndex index;
    private final HotlistSync sync;

    private BenchmarkHotlist(HotlistIndex index, HotlistSync sync) {
        this.index = index;
        this.sync = sync;
    }

    /** Loads the index from the store, as the correlation does at start; past hits are not looked for. */
    public static BenchmarkHotlist over(HotlistRepository store, int expectedEntries) {
        HotlistIndex index = LiveHotlist.load(store, OcrEquivalence.defaults(), expectedEntries);
        return new BenchmarkHotlist(index, new LiveHotlist(store, index, expectedEntries, Runnable::run,
                (listed, listedAt) -> { }, Clock.systemUTC()));
    }

    public HotlistSync sync() {
        return sync;
    }

    /** Entries the index matches reads against now. */
    public long matched() {
        return index.size();
    }
}
