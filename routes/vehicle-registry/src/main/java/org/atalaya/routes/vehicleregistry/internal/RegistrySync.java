package org.atalaya.routes.vehicleregistry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.HotlistVersionGap;
import org.atalaya.api.anpr.VehicleRegistryLink.SyncReport;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.registry.v1.InvalidRequestFault;
import org.atalaya.registry.v1.VersionGoneFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of the hub's copy of the ministry's hotlist. From the version the hub holds, it asks
 * for the changes, and applies each change set whole ({@link HotlistSync#apply}); when the
 * versions do not join up (the ministry no longer keeps the changes from there, the hub is ahead
 * of a ministry that started again, or the hub never loaded the list) it loads a full snapshot,
 * page by page, and swaps it in whole. A poll that finds nothing new still counts: the hub then
 * knows it is at the ministry's current version.
 *
 * <p>One sync runs at a time; the scheduled one and one asked for at the console take turns.
 */
final class RegistrySync {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);

    /** What a sync did. */
    enum Kind {
        /** A full snapshot was loaded. */
        SNAPSHOT,
        /** One or more change sets were applied. */
        CHANGES,
        /** Nothing had changed: the hub is at the ministry's version. */
        CONFIRMED
    }

    /** What the ministry offers for a sync; {@link MinistryClient} through {@link MinistryCalls}. */
    interface Feed {
        HotlistPage snapshotPage(String pageToken, int pageSize) throws Exception;

        HotlistChanges changes(long sinceVersion, int maxChanges) throws Exception;
    }

    private final String source;
    private final HotlistSync hotlist;
    private final Feed feed;
    private final int pageSize;
    private final int maxChanges;
    private final Clock clock;

    RegistrySync(String source, HotlistSync hotlist, Feed feed, int pageSize, int maxChanges, Clock clock) {
        this.source = source;
        this.hotlist = hotlist;
        this.feed = feed;
        this.pageSize = Math.min(10_000, Math.max(1, pageSize));
        this.maxChanges = Math.max(1, maxChanges);
        this.clock = clock;
    }

    /**
     * Brings the hub to the ministry's current version.
     *
     * @param full     load a full snapshot even if the changes would do
     * @param progress told the entries loaded so far, as a snapshot is loaded
     * @throws Exception the call to the ministry that failed; what was applied before stays applied
     */
    synchronized SyncReport run(boolean full, LongConsumer progress) throws Exception {
        Instant started = clock.instant();
        Optional<HotlistSyncState> state = hotlist.syncState(source);
        if (full || state.isEmpty()) {
            return snapshot(state.map(HotlistSyncState::version).orElse(0L), started, progress);
        }
        long from = state.get().version();
        long version = from;
        long added = 0;
        long updated = 0;
        long removed = 0;
        long rejected = 0;
        long entries = state.get().entries();
        while (true) {
            HotlistChanges changes;
            try {
                changes = feed.changes(version, maxChanges);
            } catch (VersionGoneFault gone) {
                LOG.warn("The ministry no longer keeps the changes after version {} (oldest {}, current {}):"
                        + " loading a full snapshot", version, gone.getFaultInfo().getOldestVersion(),
                        gone.getFaultInfo().getCurrentVersion());
                return snapshot(from, started, progress);
            } catch (InvalidRequestFault refused) {
                LOG.warn("The ministry refused the changes after version {} ({}): loading a full snapshot", version,
                        refused.getFaultInfo().getReason());
                return snapshot(from, started, progress);
            }
            if (changes.getToVersion() == version && changes.getFromVersion() == version) {
                break; // nothing new
            }
            if (changes.getFromVersion() != version || changes.getToVersion() < version) {
                LOG.warn("The ministry's changes run from version {} to {}, the hub is at {}: loading a full snapshot",
                        changes.getFromVersion(), changes.getToVersion(), version);
                return snapshot(from, started, progress);
            }
            HotlistSyncResult result;
            try {
                result = hotlist.apply(new org.atalaya.api.anpr.HotlistChanges(source, changes.getFromVersion(),
                        changes.getToVersion(), upserts(changes), changes.getRemoved()));
            } catch (HotlistVersionGap gap) {
                LOG.warn("Change set {} to {} does not join the hub's list ({}): loading a full snapshot",
                        changes.getFromVersion(), changes.getToVersion(), gap.getMessage());
                return snapshot(from, started, progress);
            }
            logRejected(result);
            added += result.added();
            updated += result.updated();
            removed += result.removed();
            rejected += result.rejected().size();
            entries = result.state().entries();
            version = changes.getToVersion();
            if (!changes.isMoreChanges()) {
                break;
            }
        }
        Duration took = Duration.between(started, clock.instant());
        Kind kind = version == from ? Kind.CONFIRMED : Kind.CHANGES;
        if (kind == Kind.CHANGES) {
            LOG.info("Hotlist of {} from version {} to {}: {} added, {} updated, {} removed, {} entries, in {} ms",
                    source, from, version, added, updated, removed, entries, took.toMillis());
        }
        return new SyncReport(kind.name(), from, version, added, updated, removed, rejected, entries, took);
    }

    private SyncReport snapshot(long from, Instant started, LongConsumer progress) throws Exception {
        HotlistPage page = feed.snapshotPage(null, pageSize);
        long version = page.getSnapshotVersion();
        long loaded = 0;
        try (HotlistSnapshot snapshot = hotlist.beginSnapshot(source, version)) {
            while (true) {
                snapshot.add(RegistryMapping.entries(page.getEntry(), source));
                loaded += page.getEntry().size();
                progress.accept(loaded);
                String next = page.getNextPageToken();
                if (next == null || next.isBlank()) {
                    break;
                }
                page = feed.snapshotPage(next, pageSize);
                if (page.getSnapshotVersion() != version) {
                    throw new IllegalStateException("snapshot page of version " + page.getSnapshotVersion()
                            + " in a snapshot of version " + version);
                }
            }
            HotlistSyncResult result = snapshot.commit();
            logRejected(result);
            Duration took = Duration.between(started, clock.instant());
            LOG.info("Hotlist of {} loaded whole at version {}: {} entries ({} added, {} updated, {} removed),"
                    + " in {} ms", source, version, result.state().entries(), result.added(), result.updated(),
                    result.removed(), took.toMillis());
            return new SyncReport(Kind.SNAPSHOT.name(), from, version, result.added(), result.updated(), result.removed(),
                    result.rejected().size(), result.state().entries(), took);
        }
    }

    private List<HotlistEntry> upserts(HotlistChanges changes) {
        List<HotlistEntry> upserts = new ArrayList<>(changes.getAdded().size() + changes.getUpdated().size());
        upserts.addAll(RegistryMapping.entries(changes.getAdded(), source));
        upserts.addAll(RegistryMapping.entries(changes.getUpdated(), source));
        return upserts;
    }

    private void logRejected(HotlistSyncResult result) {
        if (!result.rejected().isEmpty()) {
            LOG.warn("{} entries of {} could not be listed and are not matched", result.rejected().size(), source);
            LOG.debug("Entries of {} not listed: {}", source, result.rejected());
        }
    }
}
