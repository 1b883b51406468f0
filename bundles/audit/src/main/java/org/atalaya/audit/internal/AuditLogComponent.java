package org.atalaya.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.store.jdbc.Database;
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
 * The hub's consultation and disclosure log, on the store's migrated database: loads (or, the
 * first time, generates) the hub's signing key and seals the log on the thread
 * {@value #SEAL_THREAD} every few minutes when records were added, and once more when it stops.
 * Without its key or its database the log is not offered, and the gate refuses every call it
 * would have had to record.
 */
@Component(service = AuditLog.class, immediate = true, configurationPid = AuditLogComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfiguration.class)
public class AuditLogComponent implements AuditLog {

    static final String PID = "org.atalaya.audit";
    static final String DEFAULT_KEY_FILE = "atalaya-signing.key";
    static final String SEAL_THREAD = "atalaya-audit-seal";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogComponent.class);

    @Reference
    Database database;

    private volatile AuditStore store;
    private Path keyFile;
    private ScheduledExecutorService sealThread;
    private ScheduledFuture<?> sealTask;

    @Activate
    void activate(AuditConfiguration config) throws IOException {
        checked(config);
        sealThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, SEAL_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        try {
            apply(config);
        } catch (IOException | RuntimeException e) {
            // without its key the log is not offered, and the gate refuses what it cannot record
            sealThread.shutdownNow();
            LOG.error("The audit log cannot start: {}", e.getMessage(), e);
            throw e;
        }
    }

    @Modified
    void modified(AuditConfiguration config) throws IOException {
        apply(checked(config));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        sealThread.shutdownNow();
        if (!sealThread.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The audit log's seal is still being written; it ends when the database answers");
        }
        // what was appended since the last seal is sealed now, not at the next start
        sealQuietly();
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        return store.append(entry);
    }

    @Override
    public AuditRecord appendUrgent(AuditEntry entry) {
        return store.appendUrgent(entry);
    }

    @Override
    public Optional<AuditRecord> appendInTransaction(AuditEntry entry) {
        return store.appendInTransaction(entry);
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        return store.search(query);
    }

    @Override
    public AuditVerification verify() {
        return store.verify();
    }

    @Override
    public Optional<AuditSeal> seal() {
        return store.seal();
    }

    @Override
    public List<AuditSeal> seals() {
        return store.seals();
    }

    @Override
    public String publicKey() {
        return store.publicKey();
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        store.export(query, sink);
    }

    /**
     * The key file: {@code configured} as it is when absolute, else in {@code karafEtc} (the
     * working directory when that is not set); the default name when it is blank.
     */
    static Path keyFile(String configured, String karafEtc) {
        Path file = Path.of(configured == null || configured.isBlank() ? DEFAULT_KEY_FILE : configured.strip());
        if (!file.isAbsolute() && karafEtc != null && !karafEtc.isBlank()) {
            file = Path.of(karafEtc).resolve(file);
        }
        return file.toAbsolutePath().normalize();
    }

    private synchronized void apply(AuditConfiguration config) throws IOException {
        Path file = keyFile(config.signingKeyFile(), System.getProperty("karaf.etc"));
        if (!file.equals(keyFile)) {
            store = new AuditStore(database, SealKey.loadOrCreate(file), Clock.systemUTC());
            keyFile = file;
        }
        if (sealTask != null) {
            sealTask.cancel(false);
        }
        int interval = config.sealIntervalMinutes();
        sealTask = sealThread.scheduleWithFixedDelay(this::sealQuietly, interval, interval, TimeUnit.MINUTES);
        LOG.info("Audit log at record {}, sealed every {} minutes with the key {}", store.lastSequence(), interval,
                keyFile);
    }

    private void sealQuietly() {
        try {
            store.seal();
        } catch (RuntimeException e) {
            // a failed seal must not cancel the schedule: the next one seals what this one missed
            LOG.warn("Sealing the audit log failed; the next seal covers its records", e);
        }
    }

    private static AuditConfiguration checked(AuditConfiguration config) {
        if (config.sealIntervalMinutes() < 1) {
            throw new IllegalArgumentException("sealIntervalMinutes must be at least 1: "
                    + config.sealIntervalMinutes());
        }
        return config;
    }
}
