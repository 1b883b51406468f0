package org.atalaya.correlation.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.HotlistRepository;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.Connector;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ANPR correlation: holds the hotlist index, matches every read (as a connector whose route
 * consumes {@code atalaya.in.anpr}), archives the reads, and is the {@link Hotlist} and
 * {@link HotlistSync} services that keep the stored list and the index in step
 * ({@link LiveHotlist}) and look for past hits of every new entry.
 */
@Component(service = {Connector.class, Hotlist.class, HotlistSync.class},
        configurationPid = "org.atalaya.correlation.anpr")
@Designate(ocd = AnprCorrelationConfiguration.class)
public class AnprCorrelation implements Connector, Hotlist, HotlistSync {

    private static final Logger LOG = LoggerFactory.getLogger(AnprCorrelation.class);

    @Reference
    private HotlistRepository hotlist;

    @Reference
    private PlateReadRepository reads;

    @Reference
    private CameraRegistry cameras;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;


    private final Clock clock = Clock.systemUTC();
    private AnprCorrelationConfiguration config;
    private HotlistIndex index;
    private LiveHotlist live;
    private Correlator correlator;
    private HitDetailsLookup details;
    private ReadArchiver archiver;
    private ExecutorService background;
    private ScheduledExecutorService housekeeping;
    private ProducerTemplate producer;
    private InstalledRegistry registry;

    @Activate
    void activate(BundleContext bundle, AnprCorrelationConfiguration config) {
        this.config = config;
        OcrEquivalence equivalence = new OcrEquivalence(config.equivalenceClasses());
        long started = System.nanoTime();
        index = LiveHotlist.load(hotlist, equivalence, config.expectedEntries());
        LOG.info("Hotlist loaded: {} entries in {} ms (equivalences {}, at most {} equivalent characters)",
                index.size(), (System.nanoTime() - started) / 1_000_000, equivalence,
                config.maxEquivalentCharacters());
        correlator = new Correlator(index, hotlist::find,
                new RepeatSuppression(Duration.ofSeconds(config.suppressionWindowSeconds())),
                new CloneDetector(config.cloneMaxSpeedKmh(), config.cloneMinDistanceMeters(),
                        Duration.ofMinutes(config.cloneMemoryMinutes())),
                config.maxEquivalentCharacters(), config.clonePriority(), this::borderApproach,
                config.borderApproachPriority(), clock);
        producer = camel.createProducerTemplate();
        registry = new InstalledRegistry(bundle);
        details = new HitDetailsLookup(registry, Duration.ofMillis(config.lookupTimeoutMillis()), clock);
        background = Executors.newSingleThreadExecutor(daemon("atalaya-past-hits"));
        live = new LiveHotlist(hotlist, index, config.expectedEntries(), background, this::sendPastHits, clock);
        housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("atalaya-correlation-expiry"));
        housekeeping.scheduleWithFixedDelay(correlator::expire, 1, 1, TimeUnit.MINUTES);
        archiver = new ReadArchiver(camel.getComponent("jms", JmsComponent.class).getConfiguration()
                .getConnectionFactory(), reads, correlator::plateKey, config.archiveBatchSize());
        Thread archiving = daemon("atalaya-anpr-archive").newThread(archiver);
        archiving.start();
    }

    @Deactivate
    void deactivate() throws Exception {
        archiver.stop();
        housekeeping.shutdownNow();
        background.shutdown();
        if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Past-hit checks still running at stop; entries added last may miss their past hits");
            background.shutdownNow();
        }
        producer.close();
        registry.close();
    }

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public RoutesBuilder routes() {
        return new AnprRoutes(correlator, details, config.agencies(), config.consumers(), config.lookupConsumers(),
                config.lookupBatch());
    }

    // --- the Hotlist service -------------------------------------------------------------

    @Override
    public HotlistEntry add(HotlistEntry entry) {
        return live.add(entry);
    }

    @Override
    public Optional<HotlistEntry> update(HotlistEntry entry) {
        return live.update(entry);
    }

    @Override
    public Optional<HotlistEntry> remove(long id) {
        return live.remove(id);
    }

    @Override
    public Optional<HotlistEntry> find(long id) {
        return hotlist.find(id);
    }

    @Override
    public List<HotlistEntry> list(String plate, long afterId, int limit) {
        return hotlist.list(plate == null ? null : PlateNormaliser.normalise(plate), afterId, limit);
    }

    @Override
    public long size() {
        return index.size();
    }

    @Override
    public HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) throws IOException {
        return live.importCsv(csv, defaultSource, progress);
    }

    @Override
    public String plateKey(String plate) {
        String normalised = PlateNormaliser.normalise(plate);
        if (normalised == null) {
            throw new IllegalArgumentException("'" + plate + "' is not a licence plate");
        }
        return correlator.plateKey(normalised);
    }

    @Override
    public PlateCheck check(String plate, String country) {
        String normalised = PlateNormaliser.normalise(plate);
        String countryCode = PlateNormaliser.country(country);
        int allowed = normalised == null ? 0
                : HotlistIndex.allowedEquivalent(normalised, config.maxEquivalentCharacters());
        List<PlateCheck.Hit> hits = new ArrayList<>();
        if (normalised != null) {
            Instant now = clock.instant();
            for (HotlistMatch match : index.match(normalised, countryCode, now, now, config.maxEquivalentCharacters())) {
                hotlist.find(match.entryId())
                        .ifPresent(entry -> hits.add(new PlateCheck.Hit(entry, match.kind(), match.differences())));
            }
        }
        return new PlateCheck(plate, normalised, countryCode, allowed, index.equivalence().toString(), hits);
    }

    // --- the HotlistSync service --------------------------------------------------------

    @Override
    public HotlistSyncResult apply(HotlistChanges changes) {
        return live.apply(changes);
    }

    @Override
    public HotlistSnapshot beginSnapshot(String source, long version) {
        return live.beginSnapshot(source, version);
    }

    @Override
    public Optional<HotlistSyncState> syncState(String source) {
        return live.syncState(source);
    }

    private boolean borderApproach(String cameraId) {
        try {
            return cameras.find(cameraId).map(Camera::borderApproach).orElse(false);
        } catch (RuntimeException failure) {
            // the hit still goes out, at its entry's priority
            LOG.warn("Camera {} could not be looked up for the border rule", cameraId, failure);
            return false;
        }
    }

    /** Sends an alert decided after its read was matched: a hit's details that came late. */
    /** Publishes an alert decided off the read route, with the headers agencies filter on. */
    private void publish(OutgoingAlert alert) throws Exception {
        producer.sendBodyAndHeaders("jms:topic:" + Addresses.ALERTS,
                CanonicalJson.mapper().writeValueAsString(alert.body()), AlertMessages.headers(alert, config.agencies()));
    }

    /** Sends the past hits of entries listed at a time; runs on the past-hit thread. */
    private void sendPastHits(List<HotlistEntry> listed, Instant listedAt) {
        Instant since = listedAt.minus(Duration.ofDays(config.pastReadDays()));
        try {
            for (OutgoingAlert alert : correlator.pastHits(listed, listedAt, key -> reads.readsWithKey(key, since))) {
                publish(alert);
                // no plate at INFO: the alert id leads to it for those allowed to see it
                LOG.info("Past hit {} at camera {}, read before it was listed", alert.id(), alert.cameraId());
            }
        } catch (Exception failure) {
            LOG.error("Past-hit check of {} new entries failed", listed.size(), failure);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
