package org.atalaya.correlation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.CloneAlert;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.Sighting;

/**
 * What one plate read means: the hits it makes on the hotlist (after repeat-read suppression)
 * and the cloned-plate suspicion it raises; and, for newly listed entries, the past hits among
 * the stored reads. Plain Java, no broker: the routes carry its decisions.
 *
 * <p>Alert ids are derived from the read and the entry, so a redelivered read yields the same
 * ids and the broker's duplicate detection drops the repeat.
 */
final class Correlator {

    private final HotlistIndex index;
    private final LongFunction<Optional<HotlistEntry>> entries;
    private final RepeatSuppression suppression;
    private final CloneDetector clones;
    private final int maxEquivalent;
    private final int clonePriority;
    private final Predicate<String> borderApproach;
    private final int borderPriority;
    private final Clock clock;

    /**
     * @param index         the hotlist
     * @param entries       a listed entry by id (the index holds only what matching needs)
     * @param suppression   one alert for a plate at a camera within a window
     * @param clones        the cloned-plate detector
     * @param maxEquivalent how many OCR-equivalent characters a hit may differ by
     * @param clonePriority the priority of a clone alert
     * @param borderApproach whether a camera watches a road to a border crossing: its hits are
     *                       raised to {@code borderPriority}, as a listed vehicle there may be
     *                       about to leave the country
     */
    Correlator(HotlistIndex index, LongFunction<Optional<HotlistEntry>> entries, RepeatSuppression suppression,
            CloneDetector clones, int maxEquivalent, int clonePriority, Predicate<String> borderApproach,
            int borderPriority, Clock clock) {
        this.index = index;
        this.entries = entries;
        this.suppression = suppression;
        this.clones = clones;
        this.maxEquivalent = maxEquivalent;
        this.clonePriority = clonePriority;
        this.borderApproach = borderApproach;
        this.borderPriority = borderPriority;
        this.clock = clock;
    }

    /**
     * @param read        the read, canonical
     * @param redelivered whether the broker delivers it again: suppression then lets it through,
     *                    as the first attempt may have failed before its alerts were sent
     */
    List<OutgoingAlert> correlate(PlateRead read, boolean redelivered) {
        Instant now = clock.instant();
        List<OutgoingAlert> alerts = new ArrayList<>(1);
        List<HotlistMatch> matches = index.match(read.plate(), read.country(), read.capturedAt(), now, maxEquivalent);
        if (!matches.isEmpty()
                && (suppression.admit(read.cameraId(), read.plate(), read.capturedAt()) || redelivered)) {
            for (HotlistMatch match : matches) {
                entries.apply(match.entryId()).ifPresent(entry -> alerts.add(hit(read, entry, match, now, false)));
            }
        }
        if (read.position() != null) {
            clones.observe(read.plate(), new Sighting(read.id(), read.cameraId(), read.position(), read.capturedAt()))
                    .ifPresent(suspicion -> alerts.add(clone(suspicion, now)));
        }
        return alerts;
    }

    /**
     * The past hits of newly listed entries: every stored read, captured before the entries were
     * listed, that they match.
     *
     * @param added      the new entries
     * @param listedAt   when they were listed
     * @param readsByKey the stored reads with a plate key (see {@link #plateKey(String)})
     */
    List<OutgoingAlert> pastHits(Collection<HotlistEntry> added, Instant listedAt,
            Function<String, List<PlateRead>> readsByKey) {
        if (added.isEmpty()) {
            return List.of();
        }
        HotlistIndex fresh = new HotlistIndex(index.equivalence(), added.size());
        Map<Long, HotlistEntry> byId = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (HotlistEntry entry : added) {
            fresh.add(entry);
            byId.put(entry.id(), entry);
            keys.add(plateKey(entry.plate()));
        }
        Instant now = clock.instant();
        List<OutgoingAlert> alerts = new ArrayList<>();
        for (String key : keys) {
            for (PlateRead read : readsByKey.apply(key)) {
                if (!read.capturedAt().isBefore(listedAt)) {
                    continue; // matched live, or will be
                }
                // an entry listed now is asked whether it was seen: its validity is checked at listing
                for (HotlistMatch match : fresh.match(read.plate(), read.country(), listedAt, now, maxEquivalent)) {
                    alerts.add(hit(read, byId.get(match.entryId()), match, now, true));
                }
            }
        }
        return alerts;
    }

    /** The key a read is stored under: its plate's OCR-canonical form. */
    String plateKey(String plate) {
        long code = PlateCode.of(plate);
        return code == 0 ? plate : PlateCode.toString(index.equivalence().canonical(code));
    }

    /** Forgets what suppression and clone detection no longer need. */
    void expire() {
        Instant now = clock.instant();
        suppression.expire(now);
        clones.expire(now);
    }

    private OutgoingAlert hit(PlateRead read, HotlistEntry entry, HotlistMatch match, Instant now, boolean past) {
        String id = (past ? "past-" : "hit-") + read.id() + "-" + entry.id();
        int priority = entry.priority();
        if (!past && priority < borderPriority && borderApproach.test(read.cameraId())) {
            priority = borderPriority;
        }
        HitAlert alert = new HitAlert(id, read, entry, match.kind(), match.differences(), priority, now, past);
        return new OutgoingAlert(id, past ? AlertKind.PAST_HIT : AlertKind.HIT, priority, read.plate(),
                read.cameraId(), alert);
    }

    private OutgoingAlert clone(CloneSuspicion suspicion, Instant now) {
        String id = "clone-" + suspicion.earlier().readId() + "-" + suspicion.later().readId();
        CloneAlert alert = new CloneAlert(id, suspicion.plate(), suspicion.earlier(), suspicion.later(),
                suspicion.distanceMeters(), suspicion.requiredKmh(), clonePriority, now);
        return new OutgoingAlert(id, AlertKind.CLONE, clonePriority, suspicion.plate(),
                suspicion.later().cameraId(), alert);
    }
}
