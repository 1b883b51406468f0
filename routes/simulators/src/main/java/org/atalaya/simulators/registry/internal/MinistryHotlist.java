package org.atalaya.simulators.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;

/**
 * The ministry's hotlist with its versions: the generated list is version 1, and each change (an
 * entry added, updated or removed) makes the next. Only what changed is held, as each changed
 * entry's states by version; the rest is generated when asked for. The last
 * {@code retainedChanges} changes are kept, and with them every version from the one before the
 * oldest kept change: a snapshot can be paged, and changes asked, from any of those versions.
 *
 * <p>Entries are numbered: those generated at start from 0, then each added one with the next
 * number; an entry's reference is made from its number and never reused.
 */
final class MinistryHotlist {

    /** The versions asked for are no longer kept. */
    static final class VersionGone extends Exception {
        private static final long serialVersionUID = 1L;
        private final long oldestVersion;
        private final long currentVersion;

        VersionGone(String reason, long oldestVersion, long currentVersion) {
            super(reason, null, false, false);
            this.oldestVersion = oldestVersion;
            this.currentVersion = currentVersion;
        }

        long oldestVersion() {
            return oldestVersion;
        }

        long currentVersion() {
            return currentVersion;
        }
    }

    /**
     * A page of a snapshot.
     *
     * @param next the number of the entry the next page starts at; -1 on the last page
     */
    record Page(long version, long entryCount, List<Listing> entries, int next) {
    }

    /** What changed between two versions, net. */
    record Changes(long fromVersion, long toVersion, long entryCount, List<Listing> added, List<Listing> updated,
            List<String> removed, boolean moreChanges) {
    }

    /** Entry {@code index} as it is from {@code version} on; {@code listing} null once removed. */
    private record State(long version, Listing listing) {
    }

    private record Change(long version, int index) {
    }

    private final GeneratedHotlist generated;
    private final int generatedEntries;
    private final int retainedChanges;
    private final Clock clock;

    // Guarded by this.
    private long version = 1;
    private int nextIndex;
    private long size;
    /** The entries that changed, and their states from the oldest kept version on. */
    private final BitSet changed = new BitSet();
    private final Map<Integer, List<State>> states = new HashMap<>();
    private final ArrayDeque<Change> log = new ArrayDeque<>();
    /** The changed entries listed now, by country and plate, to look them up. */
    private final Map<String, Set<Integer>> changedByPlate = new HashMap<>();

    MinistryHotlist(GeneratedHotlist generated, int generatedEntries, int retainedChanges, Clock clock) {
        if (generatedEntries < 0 || generatedEntries > GeneratedHotlist.MAX_ENTRIES) {
            throw new IllegalArgumentException("entries must be 0 to " + GeneratedHotlist.MAX_ENTRIES);
        }
        if (retainedChanges < 0) {
            throw new IllegalArgumentException("retainedChanges must be 0 or more");
        }
        this.generated = generated;
        this.generatedEntries = generatedEntries;
        this.retainedChanges = retainedChanges;
        this.clock = clock;
        this.nextIndex = generatedEntries;
        this.size = generatedEntries;
    }

    synchronized long version() {
        return version;
    }

    synchronized long size() {
        return size;
    }

    /** The oldest version changes can be asked from, or a snapshot paged at. */
    synchronized long oldestVersion() {
        return log.isEmpty() ? version : log.peekFirst().version() - 1;
    }

    synchronized Optional<Listing> current(String reference) {
        OptionalInt index = GeneratedHotlist.index(reference);
        if (index.isEmpty() || index.getAsInt() >= nextIndex) {
            return Optional.empty();
        }
        return Optional.ofNullable(at(index.getAsInt(), version));
    }

    /** The entries of this plate listed now. */
    synchronized List<Listing> listed(String plate, String country) {
        Set<Integer> candidates = new LinkedHashSet<>();
        generated.index(plate, country, generatedEntries).ifPresent(candidates::add);
        candidates.addAll(changedByPlate.getOrDefault(key(plate, country), Set.of()));
        List<Listing> listed = new ArrayList<>();
        for (int index : candidates) {
            Listing listing = at(index, version);
            if (listing != null && listing.plate().equals(plate) && listing.country().equals(country)) {
                listed.add(listing);
            }
        }
        return listed;
    }

    /** Lists a vehicle from now on under a new reference. */
    synchronized Listing add(String plate, String country, AlertCategory category, int priority, String reason) {
        int index = allocate();
        Listing added = new Listing(GeneratedHotlist.reference(index), plate, country, category, priority, reason,
                now(), null, null);
        apply(index, added);
        return added;
    }

    /** Lists the vehicle the seed gives the next entry, from now on. */
    synchronized Listing addGenerated() {
        int index = allocate();
        Listing made = generated.listing(index);
        Listing added = new Listing(made.reference(), made.plate(), made.country(), made.category(),
                made.priority(), made.reason(), now(), null, made.sisAlertId());
        apply(index, added);
        return added;
    }

    synchronized Listing update(Listing changed) {
        int index = listedIndex(changed.reference())
                .orElseThrow(() -> new NoSuchElementException("no entry is listed as " + changed.reference()));
        apply(index, changed);
        return changed;
    }

    synchronized boolean remove(String reference) {
        OptionalInt index = listedIndex(reference);
        index.ifPresent(listed -> apply(listed, null));
        return index.isPresent();
    }

    /** An entry listed now, drawn at random; null if none was found in a few draws. */
    synchronized Listing anyListed(RandomGenerator random) {
        for (int draw = 0; draw < 32 && nextIndex > 0; draw++) {
            Listing listing = at(random.nextInt(nextIndex), version);
            if (listing != null) {
                return listing;
            }
        }
        return null;
    }

    /**
     * Up to {@code pageSize} entries of the list at {@code snapshotVersion} (0 for the current
     * version), from entry number {@code start} on.
     */
    synchronized Page page(long snapshotVersion, int start, int pageSize) throws VersionGone {
        long at = snapshotVersion == 0 ? version : snapshotVersion;
        if (at > version || start < 0) {
            throw new IllegalArgumentException("The page token is not one this service gave.");
        }
        if (at < oldestVersion()) {
            throw new VersionGone("The snapshot's version " + at + " is no longer kept: start a new snapshot.",
                    oldestVersion(), version);
        }
        List<Listing> entries = new ArrayList<>(Math.min(pageSize, 1024));
        int index = start;
        while (index < nextIndex && entries.size() < pageSize) {
            Listing listing = at(index++, at);
            if (listing != null) {
                entries.add(listing);
            }
        }
        while (index < nextIndex && at(index, at) == null) {
            index++;
        }
        return new Page(at, countAt(at), entries, index < nextIndex ? index : -1);
    }

    /** What changed after {@code sinceVersion}: at most {@code maxChanges} changes. */
    synchronized Changes changes(long sinceVersion, int maxChanges) throws VersionGone {
        if (sinceVersion < 1 || sinceVersion > version) {
            throw new IllegalArgumentException("sinceVersion must be 1 to the current version, " + version + ".");
        }
        long oldest = oldestVersion();
        if (sinceVersion < oldest) {
            throw new VersionGone("The changes after version " + sinceVersion + " are no longer all kept (the oldest "
                    + "version changes can be asked from is " + oldest + "): take a new snapshot.", oldest, version);
        }
        long to = Math.min(version, sinceVersion + maxChanges);
        Set<Integer> touched = touchedAfter(sinceVersion, to);
        List<Listing> added = new ArrayList<>();
        List<Listing> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int index : touched) {
            Listing before = at(index, sinceVersion);
            Listing after = at(index, to);
            if (before == null && after != null) {
                added.add(after);
            } else if (before != null && after != null) {
                updated.add(after);
            } else if (before != null) {
                removed.add(before.reference());
            }
        }
        return new Changes(sinceVersion, to, countAt(to), added, updated, removed, to < version);
    }

    // -- inside the lock

    private int allocate() {
        if (nextIndex == Integer.MAX_VALUE) {
            throw new IllegalStateException("the hotlist has no more references to give");
        }
        return nextIndex++;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private OptionalInt listedIndex(String reference) {
        OptionalInt index = GeneratedHotlist.index(reference);
        if (index.isEmpty() || index.getAsInt() >= nextIndex || at(index.getAsInt(), version) == null) {
            return OptionalInt.empty();
        }
        return index;
    }

    /** Entry {@code index} at {@code atVersion}, which is kept; null if not listed then. */
    private Listing at(int index, long atVersion) {
        if (changed.get(index)) {
            List<State> history = states.get(index);
            for (int i = history.size() - 1; i >= 0; i--) {
                State state = history.get(i);
                if (state.version() <= atVersion) {
                    return state.listing();
                }
            }
        }
        return index < generatedEntries ? generated.listing(index) : null;
    }

    private void apply(int index, Listing next) {
        Listing previous = at(index, version);
        version++;
        changed.set(index);
        states.computeIfAbsent(index, unused -> new ArrayList<>(2)).add(new State(version, next));
        log.addLast(new Change(version, index));
        if (previous != null) {
            size--;
            Set<Integer> same = changedByPlate.get(key(previous.plate(), previous.country()));
            if (same != null && same.remove(index) && same.isEmpty()) {
                changedByPlate.remove(key(previous.plate(), previous.country()));
            }
        }
        if (next != null) {
            size++;
            changedByPlate.computeIfAbsent(key(next.plate(), next.country()), unused -> new LinkedHashSet<>(2))
                    .add(index);
        }
        while (log.size() > retainedChanges) {
            forget(log.removeFirst());
        }
    }

    /**
     * Drops what only versions older than the oldest kept one needed: of the entry's states, those
     * before the one it had at that version.
     */
    private void forget(Change dropped) {
        long oldest = oldestVersion();
        List<State> history = states.get(dropped.index());
        int keepFrom = 0;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).version() <= oldest) {
                keepFrom = i;
            }
        }
        history.subList(0, keepFrom).clear();
        if (history.size() == 1 && history.get(0).listing() == null && dropped.index() >= generatedEntries) {
            // an added entry that is gone: not listed is what it is without a history
            states.remove(dropped.index());
            changed.clear(dropped.index());
        }
    }

    /** The entries changed after {@code from} up to {@code to}, in the order of their first change. */
    private Set<Integer> touchedAfter(long from, long to) {
        List<Integer> newestFirst = new ArrayList<>();
        for (Iterator<Change> changes = log.descendingIterator(); changes.hasNext();) {
            Change change = changes.next();
            if (change.version() <= from) {
                break;
            }
            if (change.version() <= to) {
                newestFirst.add(change.index());
            }
        }
        Set<Integer> touched = new LinkedHashSet<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            touched.add(newestFirst.get(i));
        }
        return touched;
    }

    /** How many entries were listed at {@code atVersion}, which is kept. */
    private long countAt(long atVersion) {
        long count = size;
        for (int index : touchedAfter(atVersion, version)) {
            count += (at(index, atVersion) != null ? 1 : 0) - (at(index, version) != null ? 1 : 0);
        }
        return count;
    }

    private static String key(String plate, String country) {
        return country + ':' + plate;
    }
}
