package org.atalaya.routes.vehicleregistry.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.SystemAlert;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.VehicleDetails;
import org.atalaya.api.anpr.VehicleLookup;
import org.atalaya.api.anpr.VehicleRegistryLink;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.api.security.DataClass;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.Connector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Interior Ministry's vehicle registry connector: keeps the ministry's hotlist source in step
 * ({@link RegistrySync}, on a timer), raises and clears the stale-hotlist alert ({@link Staleness}),
 * reports every hit on the ministry's entries back to it ({@link HitNotices}), and looks up the
 * vehicle of each live hit ({@link VehicleLookup}), all through one client with timeouts, retries
 * and a circuit breaker. A configuration change restarts it with the new settings.
 */
@Component(service = {Connector.class, VehicleLookup.class, VehicleRegistryLink.class},
        configurationPid = VehicleRegistryConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VehicleRegistryConfiguration.class)
public class VehicleRegistryConnector implements Connector, VehicleLookup, VehicleRegistryLink {

    static final String PID = "org.atalaya.vehicleregistry";
    /** Who the audit log names for what the hub does on its own. */
    static final String HUB = "atalaya";

    private static final Logger LOG = LoggerFactory.getLogger(VehicleRegistryConnector.class);

    @Reference
    private HotlistSync hotlist;

    @Reference
    private CameraRegistry cameras;

    @Reference
    private AuditLog audit;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;

    private final Clock clock = Clock.systemUTC();
    private final AtomicLong delivered = new AtomicLong();
    private volatile long registryVersion;
    private VehicleRegistryConfiguration config;
    private MinistryClient client;
    private MinistryCalls calls;
    private RegistrySync sync;
    private Staleness staleness;
    private HitNotices notices;
    private ExecutorService lookups;
    private RegistryHealth health;
    private ProducerTemplate producer;

    @Activate
    void activate(VehicleRegistryConfiguration config) throws Exception {
        this.config = config;
        if (config.address() == null || config.address().isBlank()) {
            throw new IllegalArgumentException(PID + ": address is required");
        }
        boolean account = config.user() != null && !config.user().isBlank();
        boolean certificate = !config.tls_keyStore().isBlank();
        if (!account && !certificate) {
            throw new IllegalArgumentException(PID + ": set user and password, or tls.keyStore, for the ministry to"
                    + " know the hub; there is no default account");
        }
        if (account && (config.password() == null || config.password().isBlank())) {
            throw new IllegalArgumentException(PID + ": user " + config.user() + " has no password");
        }
        client = MinistryClient.connect(config.address(), config.user(), config.password(), tls(config),
                config.connectTimeoutMillis(), config.receiveTimeoutMillis());
        calls = MinistryCalls.of(config);
        sync = new RegistrySync(config.source(), hotlist, new RegistrySync.Feed() {
            @Override
            public org.atalaya.registry.v1.HotlistPage snapshotPage(String token, int size) throws Exception {
                return calls.call(() -> client.snapshotPage(token, size));
            }

            @Override
            public org.atalaya.registry.v1.HotlistChanges changes(long since, int max) throws Exception {
                return calls.call(() -> client.changes(since, max));
            }
        }, config.pageSize(), config.maxChanges(), clock);
        Optional<HotlistSyncState> state = hotlist.syncState(config.source());
        registryVersion = state.map(HotlistSyncState::version).orElse(0L);
        staleness = new Staleness(config.source(), Duration.ofSeconds(Math.max(1, config.staleAfterSeconds())), clock,
                state.map(HotlistSyncState::syncedAt).orElse(null));
        notices = new HitNotices(config.source(), (key, hit) -> {
            String acknowledgement = calls.call(() -> client.notifyHit(key, hit));
            delivered.incrementAndGet();
            return acknowledgement;
        }, cameras::find, audit, HitNotices.WAIT, Duration.ofMillis(Math.max(1, config.retryBackoffMillis())),
                Duration.ofSeconds(Math.max(1, config.noticeMaxBackoffSeconds())));
        int threads = Math.max(1, config.lookupThreads());
        lookups = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "atalaya-registry-lookup");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        producer = camel.createProducerTemplate();
        health = new RegistryHealth(this);
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        if (checks != null) {
            checks.register(health);
        }
        LOG.info("Interior Ministry vehicle registry at {} as {}{}: {} entries of {} at version {}, sync every {} s",
                config.address(), account ? config.user() : "client certificate", certificate ? " (mutual TLS)" : "",
                state.map(HotlistSyncState::entries).orElse(0L), config.source(), registryVersion,
                config.syncIntervalSeconds());
    }

    @Deactivate
    void deactivate() {
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        if (checks != null && health != null) {
            checks.unregister(health);
        }
        if (lookups != null) {
            lookups.shutdownNow();
        }
        if (producer != null) {
            try {
                producer.close();
            } catch (Exception e) {
                LOG.debug("Producer template did not close cleanly", e);
            }
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String name() {
        return "vehicle-registry";
    }

    @Override
    public RoutesBuilder routes() {
        return new RegistryRoutes(this, TimeUnit.SECONDS.toMillis(Math.max(1, config.syncIntervalSeconds())));
    }

    HitNotices notices() {
        return notices;
    }

    /** The timer's sync: never throws; a failure is logged (and alerted once it makes the list stale). */
    void scheduledSync() {
        try {
            sync(false, loaded -> { });
        } catch (Exception failure) {
            LOG.warn("Sync with {} failed; matching goes on with the list at version {}: {}", config.source(),
                    hotlist.syncState(config.source()).map(HotlistSyncState::version).orElse(0L),
                    MinistryFailures.describe(failure));
        }
    }

    /** Turns a system alert into a message on {@code atalaya.alerts} for the control centres. */
    private void toAlertMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        SystemAlert alert = message.getBody(SystemAlert.class);
        message.removeHeaders("*");
        message.setHeader(EventHeaders.DUPLICATE_ID, alert.id());
        message.setHeader(EventHeaders.EVENT_ID, alert.id());
        message.setHeader(EventHeaders.ALERT_KIND, AlertKind.SYSTEM.name());
        message.setHeader(EventHeaders.PRIORITY, alert.priority());
        message.setHeader(EventHeaders.AGENCIES, config.agencies());
        message.setBody(CanonicalJson.mapper().writeValueAsString(alert));
    }

    // --- VehicleRegistryLink --------------------------------------------------------------

    @Override
    public Status status() {
        Optional<HotlistSyncState> state = hotlist.syncState(config.source());
        return new Status(config.source(), client.address(), state.map(HotlistSyncState::version).orElse(0L),
                registryVersion, state.map(HotlistSyncState::entries).orElse(0L), staleness.lastSync(),
                staleness.lastAttempt(), staleness.lastFailure(), staleness.stale(), staleness.allowed(),
                calls.breakerState(), delivered.get());
    }

    @Override
    public SyncReport sync(boolean full, LongConsumer progress) throws Exception {
        try {
            SyncReport report = sync.run(full, progress);
            record(report);
            staleness.synced().ifPresent(this::sendNow);
            return report;
        } catch (Exception failure) {
            staleness.failed(MinistryFailures.describe(failure)).ifPresent(this::sendNow);
            throw failure;
        }
    }

    // --- VehicleLookup ----------------------------------------------------------------------

    @Override
    public CompletableFuture<Optional<VehicleDetails>> lookup(String plate, String country, String hitId) {
        if (country == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("the registry needs the plate's country"));
        }
        return CompletableFuture.supplyAsync(() -> {
            audit.append(new AuditEntry(Instant.now(), HUB, null, "registry-lookup", DataClass.HITS.id(),
                    List.of(plate), "hit-enrichment", null, "asked", List.of(config.agencies().split("\\s*,\\s*")),
                    "hit " + hitId + " looked up at " + config.source()));
            try {
                return calls.call(() -> client.lookup(plate, country))
                        .map(record -> RegistryMapping.details(record, config.source(), clock.instant()));
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Exception failure) {
                throw new CompletionException(failure);
            }
        }, lookups);
    }

    private void record(SyncReport report) {
        registryVersion = report.toVersion();
    }

    /** Sends a system alert (the list gone stale, or in step again) to the control centres. */
    private void sendNow(SystemAlert alert) {
        LOG.warn("{}", alert.message());
        Exchange sent = producer.send("jms:topic:" + Addresses.ALERTS, exchange -> {
            exchange.getIn().setBody(alert);
            toAlertMessage(exchange);
        });
        if (sent.getException() != null) {
            LOG.error("System alert {} could not be sent", alert.id(), sent.getException());
        }
    }

    private static MinistryClient.Tls tls(VehicleRegistryConfiguration config) {
        if (config.tls_keyStore().isBlank() && config.tls_trustStore().isBlank()) {
            return null;
        }
        return new MinistryClient.Tls(config.tls_keyStore().isBlank() ? null : Path.of(config.tls_keyStore()),
                config.tls_keyStorePassword().toCharArray(),
                config.tls_trustStore().isBlank() ? null : Path.of(config.tls_trustStore()),
                config.tls_trustStorePassword().toCharArray());
    }
}
