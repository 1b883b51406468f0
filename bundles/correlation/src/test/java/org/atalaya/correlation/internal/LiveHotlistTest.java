package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.HotlistVersionGap;
import org.atalaya.store.internal.HotlistStore;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hotlist kept in step with a versioned source, over the real store: the index follows at once. */
class LiveHotlistTest extends DatabaseTestSupport {

    private static final String MINISTRY = "interior-ministry";
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The entries of each past-hit check, by reference (or plate, without one). */
    private final List<List<String>> pastHitChecks = new CopyOnWriteArrayList<>();
    private HotlistStore store;
    private LiveHotlist hotlist;

    @BeforeEach
    void start() {
        store = new HotlistStore(database, CLOCK);
        hotlist = startHub();
    }

    /** What a starting hub does: the index loaded from the store, then changes kept in step. */
    private LiveHotlist startHub() {
        HotlistIndex index = LiveHotlist.load(store, OcrEquivalence.defaults(), 16);
        return new LiveHotlist(store, index, 16, Runnable::run, (listed, listedAt) -> {
            assertThat(listedAt).isEqualTo(NOW);
            pastHitChecks.add(listed.stream().map(entry -> entry.reference() == null ? entry.plate()
                    : entry.reference()).toList());
        }, CLOCK);
    }

    @Test
    void aChangeSetIsMatchedAtOnceAndWhatItListsIsLookedForInThePast() {
        snapshot(1, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"), entry("ES-3", "CE1234AB"));
        pastHitChecks.clear();

        HotlistSyncResult result = hotlist.apply(new HotlistChanges(MINISTRY, 1, 2,
                List.of(entry("ES-1", "1234BCD"), entry("ES-2", "5678FGJ"), entry("ES-4", "4444-ddd")),
                List.of("ES-3")));

        assertThat(result).extracting(HotlistSyncResult::added, HotlistSyncResult::updated, HotlistSyncResult::removed,
                HotlistSyncResult::unchanged).containsExactly(1L, 1L, 1L, 1L);
        assertThat(result.state()).isEqualTo(new HotlistSyncState(MINISTRY, 2, NOW, 3));
        assertThat(listed("1234BCD")).containsExactly("1234BCD");
        assertThat(listed("5678FGH")).isEmpty();
        assertThat(listed("5678FGJ")).containsExactly("5678FGJ");
        assertThat(listed("CE1234AB")).isEmpty();
        assertThat(listed("4444DDD")).as("normalised").containsExactly("4444DDD");
        assertThat(hotlist.index().size()).isEqualTo(3);
        assertThat(pastHitChecks).singleElement().asList().containsExactlyInAnyOrder("ES-2", "ES-4");
    }

    @Test
    void anUpdateOfAReferenceTheHubDoesNotHoldListsIt() {
        snapshot(1);

        HotlistSyncResult result = hotlist.apply(new HotlistChanges(MINISTRY, 1, 2, List.of(entry("ES-9", "1234BCD")),
                List.of("ES-404")));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.removed()).as("removing what is not held changes nothing").isZero();
        assertThat(listed("1234BCD")).containsExactly("1234BCD");
    }

    @Test
    void anEntryThatIsNotAPlateIsReportedAndItsReferenceNoLongerListed() {
        snapshot(1, entry("ES-1", "1234BCD"));

        HotlistSyncResult result = hotlist.apply(new HotlistChanges(MINISTRY, 1, 2,
                List.of(entry("ES-1", "12#34"), entry("ES-2", "5678FGH")), List.of()));

        assertThat(result.rejected()).singleElement().asString().startsWith("ES-1: ").contains("not a licence plate");
        assertThat(result.removed()).isEqualTo(1);
        assertThat(listed("1234BCD")).isEmpty();
        assertThat(listed("5678FGH")).containsExactly("5678FGH");

        HotlistSyncResult snapshot = snapshot(3, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"),
                new HotlistEntry(0, "CE1234AB", "Spain", HotlistCategory.STOLEN_VEHICLE, 70, MINISTRY, "robo", "ES-3",
                        FROM, null));
        assertThat(snapshot.rejected()).singleElement().asString().startsWith("ES-3: ").contains("ISO 3166");
        assertThat(snapshot.state().entries()).isEqualTo(2);
        assertThat(listed("1234BCD")).containsExactly("1234BCD");
    }

    @Test
    void aChangeSetThatDoesNotFollowTheStoredVersionChangesNothing() {
        assertThatThrownBy(() -> hotlist.apply(new HotlistChanges(MINISTRY, 0, 1, List.of(entry("ES-1", "1234BCD")),
                List.of()))).isInstanceOf(HotlistVersionGap.class).hasMessageContaining("never loaded");
        snapshot(5, entry("ES-1", "1234BCD"));
        pastHitChecks.clear();

        assertThatThrownBy(() -> hotlist.apply(new HotlistChanges(MINISTRY, 6, 7, List.of(entry("ES-2", "5678FGH")),
                List.of("ES-1")))).isInstanceOfSatisfying(HotlistVersionGap.class,
                        gap -> assertThat(gap.storedVersion()).hasValue(5));
        assertThatThrownBy(() -> hotlist.apply(new HotlistChanges(MINISTRY, 4, 6, List.of(entry("ES-2", "5678FGH")),
                List.of("ES-1")))).isInstanceOf(HotlistVersionGap.class);

        assertThat(listed("1234BCD")).containsExactly("1234BCD");
        assertThat(listed("5678FGH")).isEmpty();
        assertThat(hotlist.syncState(MINISTRY)).get().extracting(HotlistSyncState::version).isEqualTo(5L);
        assertThat(pastHitChecks).isEmpty();
    }

    @Test
    void theSameChangeSetTwiceIsAppliedOnce() {
        snapshot(5, entry("ES-1", "1234BCD"));
        HotlistChanges changes = new HotlistChanges(MINISTRY, 5, 6, List.of(entry("ES-2", "5678FGH")), List.of());
        hotlist.apply(changes);
        pastHitChecks.clear();

        HotlistSyncResult again = hotlist.apply(changes);

        assertThat(again.applied()).isFalse();
        assertThat(hotlist.index().size()).isEqualTo(2);
        assertThat(listed("5678FGH")).containsExactly("5678FGH");
        assertThat(pastHitChecks).isEmpty();
    }

    @Test
    void aSnapshotReplacesItsSourceWholeAndLeavesTheOthers() {
        HotlistEntry manual = hotlist.add(new HotlistEntry(0, "9999XYZ", "ES", HotlistCategory.OTHER, 40,
                "local-police", "vigilancia", null, FROM, null));
        snapshot(1, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"));
        pastHitChecks.clear();

        HotlistSyncResult result = snapshot(2, entry("ES-2", "5678FGJ"), entry("ES-5", "CE1234AB"));

        assertThat(result).extracting(HotlistSyncResult::added, HotlistSyncResult::updated, HotlistSyncResult::removed,
                HotlistSyncResult::unchanged).containsExactly(1L, 1L, 1L, 0L);
        assertThat(listed("9999XYZ")).as("other sources stay").containsExactly("9999XYZ");
        assertThat(hotlist.index().match("9999XYZ", "ES", NOW, NOW, 0)).extracting(HotlistMatch::entryId)
                .containsExactly(manual.id());
        assertThat(listed("1234BCD")).isEmpty();
        assertThat(listed("5678FGH")).isEmpty();
        assertThat(listed("5678FGJ")).containsExactly("5678FGJ");
        assertThat(listed("CE1234AB")).containsExactly("CE1234AB");
        assertThat(hotlist.index().size()).isEqualTo(3);
        assertThat(pastHitChecks).singleElement().asList().containsExactlyInAnyOrder("ES-2", "ES-5");
    }

    @Test
    void untilItsCommitASnapshotChangesNothingReadsAreMatchedAgainst() {
        snapshot(1, entry("ES-1", "1234BCD"));

        try (HotlistSnapshot snapshot = hotlist.beginSnapshot(MINISTRY, 2)) {
            snapshot.add(List.of(entry("ES-2", "5678FGH")));
            assertThat(listed("5678FGH")).isEmpty();
            assertThat(listed("1234BCD")).containsExactly("1234BCD");

            snapshot.commit();
        }

        assertThat(listed("5678FGH")).containsExactly("5678FGH");
        assertThat(listed("1234BCD")).isEmpty();
    }

    @Test
    void aRestartedHubMatchesTheLastSyncedListBeforeItsFirstSync() {
        hotlist.add(new HotlistEntry(0, "9999XYZ", "ES", HotlistCategory.OTHER, 40, "local-police", "vigilancia", null,
                FROM, null));
        snapshot(10, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"));
        hotlist.apply(new HotlistChanges(MINISTRY, 10, 11, List.of(entry("ES-3", "CE1234AB")), List.of("ES-1")));

        store = new HotlistStore(database, CLOCK);
        LiveHotlist restarted = startHub();

        assertThat(restarted.index().size()).isEqualTo(3);
        assertThat(restarted.index().match("CE1234A8", "ES", NOW, NOW, 1)).extracting(HotlistMatch::listedPlate)
                .containsExactly("CE1234AB");
        assertThat(restarted.index().match("5678FGH", "ES", NOW, NOW, 0)).hasSize(1);
        assertThat(restarted.index().match("9999XYZ", "ES", NOW, NOW, 0)).hasSize(1);
        assertThat(restarted.index().match("1234BCD", "ES", NOW, NOW, 0)).isEmpty();
        assertThat(restarted.syncState(MINISTRY)).contains(new HotlistSyncState(MINISTRY, 11, NOW, 2));
        assertThat(restarted.apply(new HotlistChanges(MINISTRY, 11, 12, List.of(), List.of("ES-2"))).removed())
                .as("it goes on from the stored version").isEqualTo(1);
        assertThat(restarted.index().match("5678FGH", "ES", NOW, NOW, 0)).isEmpty();
    }

    @Test
    void entriesAddedUpdatedAndRemovedOneByOneAreMatchedAsBefore() {
        HotlistEntry added = hotlist.add(new HotlistEntry(0, "1234 bcd", "es", HotlistCategory.STOLEN_VEHICLE, 70,
                "local-police", "robo", "LP-1", FROM, null));
        assertThat(listed("1234BCD")).containsExactly("1234BCD");

        HotlistEntry changed = new HotlistEntry(added.id(), "5678FGH", "ES", HotlistCategory.WANTED_PERSON_VEHICLE, 95,
                "local-police", "robo", "LP-1", FROM, null);
        assertThat(hotlist.update(changed)).as("as listed now").contains(changed);
        assertThat(listed("1234BCD")).isEmpty();
        assertThat(hotlist.index().match("5678FGH", "ES", NOW, NOW, 0)).singleElement()
                .extracting(HotlistMatch::priority).isEqualTo(95);
        assertThat(hotlist.update(new HotlistEntry(added.id() + 1000, "5678FGH", "ES", HotlistCategory.OTHER, 1,
                "local-police", null, null, FROM, null))).isEmpty();

        hotlist.remove(added.id());
        assertThat(listed("5678FGH")).isEmpty();
        assertThat(pastHitChecks).containsExactly(List.of("LP-1"), List.of("LP-1"));
    }

    /**
     * Each change set swaps a hundred entries of one plate for a hundred of another, OCR-equivalent
     * to it, so that one read (1234BCO) matches both lists: a reader must always find exactly one
     * of them whole.
     */
    @Test
    void aReaderNeverSeesPartOfAChangeSet() throws Exception {
        int entries = 100;
        List<HotlistEntry> first = plates("A-", "1234BCD", entries);
        List<HotlistEntry> second = plates("B-", "1234BC0", entries);
        snapshot(0, first.toArray(HotlistEntry[]::new));

        assertNoReaderSeesAMix(entries, 100, version -> {
            boolean even = version % 2 == 0;
            hotlist.apply(new HotlistChanges(MINISTRY, version, version + 1, even ? second : first,
                    references(even ? first : second)));
        });
        assertThat(hotlist.syncState(MINISTRY)).get().extracting(HotlistSyncState::version).isEqualTo(100L);
    }

    @Test
    void aReaderNeverSeesPartOfASnapshot() throws Exception {
        int entries = 100;
        List<HotlistEntry> first = plates("A-", "1234BCD", entries);
        List<HotlistEntry> second = plates("B-", "1234BC0", entries);
        snapshot(0, first.toArray(HotlistEntry[]::new));

        assertNoReaderSeesAMix(entries, 10,
                version -> snapshot(version + 1, (version % 2 == 0 ? second : first).toArray(HotlistEntry[]::new)));
        assertThat(hotlist.index().size()).isEqualTo(entries);
    }

    /** Runs {@code changes} for versions 0 to {@code versions - 1} while a reader matches 1234BCO. */
    private void assertNoReaderSeesAMix(int entries, int versions, VersionChange changes) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            while (!done.get() && torn.get() == null) {
                List<HotlistMatch> matches = hotlist.index().match("1234BCO", "ES", NOW, NOW, 1);
                long distinctPlates = matches.stream().map(HotlistMatch::listedPlate).distinct().count();
                if (matches.size() != entries || distinctPlates != 1) {
                    torn.set(matches.size() + " matches of " + distinctPlates + " plates");
                }
                reads.incrementAndGet();
                reading.countDown();
            }
        }, "plate-reader");
        reader.start();
        try {
            reading.await();
            for (long version = 0; version < versions && torn.get() == null; version++) {
                changes.apply(version);
            }
        } finally {
            done.set(true);
            reader.join();
        }

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @FunctionalInterface
    private interface VersionChange {
        void apply(long version);
    }

    private HotlistSyncResult snapshot(long version, HotlistEntry... entries) {
        try (HotlistSnapshot snapshot = hotlist.beginSnapshot(MINISTRY, version)) {
            for (int i = 0; i < entries.length; i += 50) {
                snapshot.add(List.of(entries).subList(i, Math.min(entries.length, i + 50)));
            }
            return snapshot.commit();
        }
    }

    /** The listed plates a read of {@code plate} in Spain matches, allowing one OCR-equivalent character. */
    private List<String> listed(String plate) {
        return hotlist.index().match(plate, "ES", NOW, NOW, 1).stream().map(HotlistMatch::listedPlate).toList();
    }

    private static List<HotlistEntry> plates(String prefix, String plate, int count) {
        List<HotlistEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(prefix + i, plate));
        }
        return entries;
    }

    private static List<String> references(List<HotlistEntry> entries) {
        return entries.stream().map(HotlistEntry::reference).toList();
    }

    private static HotlistEntry entry(String reference, String plate) {
        return new HotlistEntry(0, plate, "ES", HotlistCategory.STOLEN_VEHICLE, 70, MINISTRY, "robo", reference, FROM,
                null);
    }
}
