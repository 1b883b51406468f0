package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: brings the hub's schema in the {@code atalaya} data source and the read archive's in
 * {@code atalaya-archive} up to date, fills an empty camera table from the camera file, and deletes
 * plate reads past the retention period. The repositories ({@link HotlistStore},
 * {@link PlateReadStore} on the archive, {@link CameraStore}, {@link AlertStore}) are components of
 * their own on the databases this one opened, so they are offered only once the schemas are
 * current, and withdrawn with them. A configuration change applies at once, without touching them.
 *
 * <p>The archive is a database of its own by default because it takes every read: on one embedded
 * H2, its commits and their chunks share one store lock with an agency's alerts and the audit
 * records of their disclosure, which wait for it (BENCHMARKS.md, eighteenth). The two data sources
 * may name one database.
 */
@Component(service = StoreComponent.class, immediate = true, configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfiguration.class)
public class StoreComponent {

    static final String PID = "org.atalaya.store";
    static final String PURGE_THREAD = "atalaya-store-purge";
    static final String COMPACTION_THREAD = "atalaya-store-h2-compaction";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @Reference(target = "(dataSourceName=atalaya)")
    DataSource dataSource;

    @Reference(target = "(dataSourceName=atalaya-archive)")
    DataSource archiveDataSource;

    private Database database;
    private Database archive;
    private ServiceRegistration<Database> registration;
    private ScheduledExecutorService purgeThread;
    private ScheduledFuture<?> purgeTask;
    private ScheduledExecutorService compactionThread;

    @Activate
    void activate(StoreConfiguration config, BundleContext bundle) throws SQLException {
        open(config);
        // the bundles that keep records of their own (the audit log, the biometric guard) work
        // on the same migrated database
        registration = bundle.registerService(Database.class, database, null);
    }

    /** Everything but offering the database as a service (what the unit tests run). */
    void open(StoreConfiguration config) throws SQLException {
        checked(config);
        database = Database.open(dataSource);
        archive = Database.open(archiveDataSource, Database.Schema.ARCHIVE);
        purgeThread = daemonThread(PURGE_THREAD);
        apply(config);
        List<H2Compaction> compactions = H2Compaction.of(List.of(dataSource, archiveDataSource));
        if (!compactions.isEmpty()) {
            compactionThread = daemonThread(COMPACTION_THREAD);
            for (H2Compaction compaction : compactions) {
                compactionThread.scheduleWithFixedDelay(compaction, H2Compaction.INTERVAL_MILLIS,
                        H2Compaction.INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            }
            LOG.info("Embedded H2: {} file(s) compacted every {} ms", compactions.size(),
                    H2Compaction.INTERVAL_MILLIS);
        }
    }

    @Modified
    void modified(StoreConfiguration config) {
        apply(checked(config));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (registration != null) {
            registration.unregister();
        }
        if (compactionThread != null) {
            stop(compactionThread, "The H2 compaction is still running");
        }
        stop(purgeThread, "The retention purge is still running; it stops when the database answers");
    }

    private static ScheduledExecutorService daemonThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lets a run under way finish and starts no other. The thread is not interrupted: an
     * interrupt while H2 reads or writes its file closes the file's channel (as Java closes any
     * interruptible channel), and H2 then closes the database under every other user of it.
     */
    private static void stop(ScheduledExecutorService thread, String stillRunning) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn(stillRunning);
        }
    }

    /** The hub's database, migrated: what the repositories but the archive work on. */
    Database database() {
        return database;
    }

    /** The read archive's database, migrated: what {@link PlateReadStore} works on. */
    Database archive() {
        return archive;
    }

    private synchronized void apply(StoreConfiguration config) {
        seedCameras(CameraSeed.file(config.camerasFile(), System.getProperty("karaf.etc")));
        RetentionPurge purge = new RetentionPurge(new PlateReadStore(archive), config.retentionDays(),
                Clock.systemUTC());
        if (purgeTask != null) {
            purgeTask.cancel(false);
        }
        int interval = config.purgeIntervalMinutes();
        purgeTask = purgeThread.scheduleWithFixedDelay(() -> {
            try {
                purge.run();
            } catch (RuntimeException e) {
                // a failed run must not cancel the schedule: the next one tries again
                LOG.warn("Retention purge failed; next attempt in {} minutes", interval, e);
            }
        }, 0, interval, TimeUnit.MINUTES);
        LOG.info("Plate reads kept {} days, purged every {} minutes", config.retentionDays(), interval);
    }

    private void seedCameras(Path file) {
        try {
            new CameraSeed(new CameraStore(database)).seed(file);
        } catch (IOException | IllegalArgumentException e) {
            // the other repositories work without cameras: report, and let the operator fix the file
            LOG.error("Camera table not filled from {}: {}", file, e.getMessage(), e);
        }
    }

    private static StoreConfiguration checked(StoreConfiguration config) {
        if (config.retentionDays() < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1: " + config.retentionDays());
        }
        if (config.purgeIntervalMinutes() < 1) {
            throw new IllegalArgumentException("purgeIntervalMinutes must be at least 1: "
                    + config.purgeIntervalMinutes());
        }
        return config;
    }
}
