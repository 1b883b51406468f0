package org.atalaya.routes.vehicleregistry.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.atalaya.api.anpr.VehicleRegistryLink.SyncReport;
import org.atalaya.correlation.internal.BenchmarkHotlist;
import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.atalaya.store.internal.HotlistStore;
import org.atalaya.store.jdbc.Database;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full sync of the ministry's hotlist, as the connector makes it on first start or after a
 * version gap: the simulated ministry (its real SOAP service on a loopback port, in this JVM)
 * serves N generated entries in pages; the connector's sync loads them into the hub's store (H2 in
 * a file, as the distribution's default) and swaps them into the index reads are matched against.
 * Prints the time of each phase and the heap after it. Then one change set of 1,000 entries, the
 * steady state. Run with
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.atalaya.routes.vehicleregistry.internal.RegistrySyncBenchmark 1000000}.
 */
public final class RegistrySyncBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySyncBenchmark.class);

    private RegistrySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path folder = Files.createTempDirectory("atalaya-sync-benchmark");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("atalaya") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("atalaya");
        h2.setPassword("");
        long started = System.nanoTime();
        try (RegistrySimulator.Standalone ministry =
                        RegistrySimulator.start(entries, 1L, "benchmark", "benchmark-Pass-1");
                MinistryClient client = MinistryClient.connect(ministry.address().toString(), "benchmark",
                        "benchmark-Pass-1", null, 5_000, 120_000)) {
            report("ministry started with %,d entries", entries, started, memory);
            BenchmarkHotlist hotlist = BenchmarkHotlist.over(new HotlistStore(Database.open(h2), Clock.systemUTC()),
                    entries);
            AtomicLong pages = new AtomicLong();
            RegistrySync sync = new RegistrySync("interior-ministry", hotlist.sync(), new RegistrySync.Feed() {
                @Override
                public HotlistPage snapshotPage(String pageToken, int size) throws Exception {
                    pages.incrementAndGet();
                    return client.snapshotPage(pageToken, size);
                }

                @Override
                public HotlistChanges changes(long sinceVersion, int maxChanges) throws Exception {
                    return client.changes(sinceVersion, maxChanges);
                }
            }, pageSize, 10_000, Clock.systemUTC());

            long full = System.nanoTime();
            SyncReport snapshot = sync.run(false, loaded -> { });
            report("full sync: %s of " + pages.get() + " pages of " + pageSize + ", " + snapshot.entries()
                    + " entries listed, " + hotlist.matched() + " matched", snapshot.kind(), full, memory);

            for (int i = 0; i < 1_000; i++) {
                ministry.addEntry(String.format("%04dBXZ", i), "ES", AlertCategory.STOLEN_VEHICLE, 70,
                        "benchmark change");
            }
            long delta = System.nanoTime();
            SyncReport changes = sync.run(false, loaded -> { });
            report("change set: %s, " + changes.added() + " added, version " + changes.fromVersion() + " to "
                    + changes.toVersion(), changes.kind(), delta, memory);
        }
    }

    private static void report(String what, Object argument, long since, MemoryMXBean memory) {
        double seconds = (System.nanoTime() - since) / 1e9;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        LOG.info(String.format(java.util.Locale.ROOT, "%-110s %8.1f s   heap after GC %,6.0f MiB",
                String.format(what, argument), seconds, memory.getHeapMemoryUsage().getUsed() / 1048576.0));
    }
}
