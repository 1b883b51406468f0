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
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.HotlistRepository;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.Connector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ANPR correlation: holds the hotlist index, matches every read (as a connector whose route
 * consumes {@code atalaya.in.anpr}), archives the reads, and is the {@link Hotlist} service that
 * keeps the stored list and the index in step and looks for past hits of every new entry.
 */
@Component(service = {Connector.class, Hotlist.class}, configurationPid = "org.atalaya.correlation.anpr")
@Designate(ocd = AnprCorrelationConfiguration.class)
public class AnprCorrelation implements Connector, Hotlist {

    private static final Logger LOG = LoggerFactory.getLogger(AnprCorrelation.class);
    private static final int IMPORT_CHUNK = 10_000;

    @Reference
    private HotlistRepository hotlist;

    @Reference
    private PlateReadRepository reads;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;

    private final Clock clock = Clock.systemUTC();
    private AnprCorrelationConfiguration config;
    private HotlistIndex index;
    private Correlator correlator;
    private ReadArchiver archiver;
    private ExecutorService background;
    private ScheduledExecutorService housekeeping;
    private ProducerTemplate producer;

    @Activate
    void activate(AnprCorrelationConfiguration config) {
        this.config = config;
        OcrEquivalence equivalence = new OcrEquivalence(config.equivalenceClasses());
        long started = System.nanoTime();
        long stored = hotlist.count();
        index = new HotlistIndex(equivalence, (int) Math.min(Integer.MAX_VALUE / 2,
                Math.max(config.expectedEntries(), stored + stored / 4)));
        List<HotlistEntry> chunk = new ArrayList<>(IMPORT_CHUNK);
        hotlist.forEach(entry -> {
            chunk.add(entry);
            if (chunk.size() == IMPORT_CHUNK) {
                index.apply(List.of(), chunk);
                chunk.clear();
            }
        });
        index.apply(List.of(), chunk);
        LOG.info("Hotlist loaded: {} entries in {} ms (equivalences {}, at most {} equivalent characters)",
                index.size(), (System.nanoTime() - started) / 1_000_000, equivalence,
                config.maxEquivalentCharacters());
        correlator = new Correlator(index, hotlist::find,
                new RepeatSuppression(Duration.ofSeconds(config.suppressionWindowSeconds())),
                new CloneDetector(config.cloneMaxSpeedKmh(), config.cloneMinDistanceMeters(),
                        Duration.ofMinutes(config.cloneMemoryMinutes())),
                config.maxEquivalentCharacters(), config.clonePriority(), clock);
        producer = camel.createProducerTemplate();
        background = Executors.newSingleThreadExecutor(daemon("atalaya-past-hits"));
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
    }

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public RoutesBuilder routes() {
        return new AnprRoutes(correlator, config.agencies(), config.consumers());
    }

    // --- the Hotlist service -------------------------------------------------------------

    @Override
    public synchronized HotlistEntry add(HotlistEntry entry) {
        HotlistEntry stored = hotlist.add(List.of(HotlistCsv.normalised(entry))).get(0);
        index.add(stored);
        LOG.info("Hotlist: listed {} ({}, priority {}, source {}) as entry {}", stored.plate(), stored.category(),
                stored.priority(), stored.source(), stored.id());
        checkPastReads(List.of(stored));
        return stored;
    }

    @Override
    public synchronized Optional<HotlistEntry> update(HotlistEntry entry) {
        Optional<HotlistEntry> before = hotlist.find(entry.id());
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Optional<HotlistEntry> after = hotlist.update(HotlistCsv.normalised(entry));
        after.ifPresent(updated -> {
            index.apply(List.of(before.get()), List.of(updated));
            LOG.info("Hotlist: entry {} updated ({})", updated.id(), updated.plate());
            checkPastReads(List.of(updated));
        });
        return after;
    }

    @Override
    public synchronized Optional<HotlistEntry> remove(long id) {
        Optional<HotlistEntry> removed = hotlist.remove(id);
        removed.ifPresent(entry -> {
            index.remove(entry);
            LOG.info("Hotlist: entry {} ({}) removed", id, entry.plate());
        });
        return removed;
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
    public synchronized HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress)
            throws IOException {
        HotlistCsv rows = new HotlistCsv(defaultSource, clock.instant());
        long[] counts = new long[2];
        rows.read(csv, IMPORT_CHUNK, chunk -> {
            List<HotlistEntry> removed = new ArrayList<>();
            List<HotlistEntry> replaced = new ArrayList<>();
            List<HotlistEntry> fresh = new ArrayList<>();
            for (HotlistEntry entry : chunk) {
                Optional<HotlistEntry> existing = entry.reference() == null ? Optional.empty()
                        : hotlist.findByReference(entry.source(), entry.reference());
                if (existing.isPresent()) {
                    removed.add(existing.get());
                    HotlistEntry replacement = withId(entry, existing.get().id());
                    hotlist.update(replacement);
                    replaced.add(replacement);
                } else {
                    fresh.add(entry);
                }
            }
            List<HotlistEntry> added = hotlist.add(fresh);
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

    private void checkPastReads(List<HotlistEntry> added) {
        if (added.isEmpty()) {
            return;
        }
        Instant listedAt = clock.instant();
        Instant since = listedAt.minus(Duration.ofDays(config.pastReadDays()));
        List<HotlistEntry> entries = List.copyOf(added);
        background.execute(() -> {
            try {
                for (OutgoingAlert alert : correlator.pastHits(entries, listedAt,
                        key -> reads.readsWithKey(key, since))) {
                    producer.sendBodyAndHeaders("jms:topic:" + Addresses.ALERTS,
                            CanonicalJson.mapper().writeValueAsString(alert.body()),
                            AlertMessages.headers(alert, config.agencies()));
                    LOG.info("Past hit {}: {} read at {} before it was listed", alert.id(), alert.plate(),
                            alert.cameraId());
                }
            } catch (Exception failure) {
                LOG.error("Past-hit check of {} new entries failed", entries.size(), failure);
            }
        });
    }

    private static HotlistEntry withId(HotlistEntry entry, long id) {
        return new HotlistEntry(id, entry.plate(), entry.country(), entry.category(), entry.priority(), entry.source(),
                entry.reason(), entry.reference(), entry.validFrom(), entry.validUntil());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
