package org.atalaya.store.internal;

import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.atalaya.store.jdbc.StoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistRepository.AppliedChanges;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.HotlistVersionGap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources kept in step by version: snapshots, change sets, their versions, in the database. */
class HotlistSyncStoreTest extends DatabaseTestSupport {

    private static final String MINISTRY = "interior-ministry";
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private HotlistStore store;

    @BeforeEach
    void openStore() {
        store = new HotlistStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSnapshotListsItsEntriesAndRecordsItsVersion() {
        HotlistSyncResult result = snapshot(10, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"),
                entry("ES-3", "CE1234AB"));

        assertThat(result.applied()).isTrue();
        assertThat(result.added()).isEqualTo(3);
        assertThat(result.updated() + result.removed() + result.unchanged()).isZero();
        assertThat(result.state()).isEqualTo(new HotlistSyncState(MINISTRY, 10, NOW, 3));
        assertThat(store.syncState(MINISTRY)).contains(result.state());
        assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"), Map.entry("ES-2", "5678FGH"),
                Map.entry("ES-3", "CE1234AB"));
        assertThat(store.listSynced(MINISTRY, 10, 0, 100)).hasSize(3);
        assertThat(stagedRows()).as("the staging table is emptied").isZero();
    }

    @Test
    void aLaterSnapshotLeavesTheSourceExactlyAsItSaysKeepingIdsAndOtherSources() {
        snapshot(10, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"), entry("ES-3", "CE1234AB"));
        HotlistEntry manual = store.add(new HotlistEntry(0, "9999XYZ", "ES", HotlistCategory.OTHER, 40, "local-police",
                "vigilancia", null, FROM, null));
        HotlistEntry unreferenced = store.add(new HotlistEntry(0, "7777KLM", "ES", HotlistCategory.OTHER, 40, MINISTRY,
                "alta manual", null, FROM, null));
        Map<String, HotlistEntry> before = byReference();

        HotlistSyncResult result = snapshot(14, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGJ"),
                entry("ES-4", "4444DDD"));

        assertThat(result).extracting(HotlistSyncResult::added, HotlistSyncResult::updated, HotlistSyncResult::removed,
                HotlistSyncResult::unchanged).containsExactly(1L, 1L, 2L, 1L);
        assertThat(result.state()).isEqualTo(new HotlistSyncState(MINISTRY, 14, NOW, 3));
        assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"), Map.entry("ES-2", "5678FGJ"),
                Map.entry("ES-4", "4444DDD"));
        Map<String, HotlistEntry> after = byReference();
        assertThat(after.get("ES-1")).isEqualTo(before.get("ES-1"));
        assertThat(after.get("ES-2").id()).isEqualTo(before.get("ES-2").id());
        assertThat(store.find(manual.id())).as("other sources are untouched").contains(manual);
        assertThat(store.find(unreferenced.id())).as("the source is exactly the snapshot").isEmpty();
        assertThat(store.listSynced(MINISTRY, 14, 0, 100)).extracting(HotlistEntry::reference)
                .containsExactlyInAnyOrder("ES-2", "ES-4");
    }

    @Test
    void anEmptySnapshotEmptiesTheSource() {
        snapshot(1, entry("ES-1", "1234BCD"));

        HotlistSyncResult result = snapshot(2);

        assertThat(result.removed()).isEqualTo(1);
        assertThat(result.state().entries()).isZero();
        assertThat(store.count()).isZero();
    }

    @Test
    void aSnapshotNotCommittedChangesNothingAndClosingItDiscardsItsPages() {
        snapshot(1, entry("ES-1", "1234BCD"));

        try (HotlistSnapshot snapshot = store.beginSnapshot(MINISTRY, 2)) {
            snapshot.add(List.of(entry("ES-2", "5678FGH")));
            assertThat(stagedRows()).isEqualTo(1);
            assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"));
        }

        assertThat(stagedRows()).isZero();
        assertThat(store.syncState(MINISTRY)).get().extracting(HotlistSyncState::version).isEqualTo(1L);
    }

    @Test
    void beginningASnapshotAbandonsTheOneBeingLoaded() {
        HotlistSnapshot first = store.beginSnapshot(MINISTRY, 1);
        first.add(List.of(entry("ES-1", "1234BCD")));

        HotlistSnapshot second = store.beginSnapshot(MINISTRY, 2);
        second.add(List.of(entry("ES-2", "5678FGH")));

        assertThatThrownBy(() -> first.add(List.of(entry("ES-3", "CE1234AB")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("abandoned");
        assertThatThrownBy(first::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThat(second.commit().state().version()).isEqualTo(2);
        assertThat(plates()).containsOnly(Map.entry("ES-2", "5678FGH"));
        assertThatThrownBy(second::commit).as("committed once").isInstanceOf(IllegalStateException.class);
        assertThat(stagedRows()).as("the first's rows went when the second began").isEqualTo(1);
        second.close();
        first.close();
        assertThat(stagedRows()).isZero();
        assertThat(plates()).containsOnly(Map.entry("ES-2", "5678FGH"));
    }

    @Test
    void aCommittedSnapshotsStagedRowsGoWhenItIsClosed() {
        HotlistSnapshot snapshot = store.beginSnapshot(MINISTRY, 1);
        snapshot.add(List.of(entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH")));
        snapshot.commit();
        assertThat(stagedRows()).isEqualTo(2);

        snapshot.close();

        assertThat(stagedRows()).isZero();
        assertThat(plates()).hasSize(2);
        assertThatThrownBy(() -> snapshot.add(List.of(entry("ES-3", "CE1234AB"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsASnapshotLeftBehindGoWhenTheNextOfItsSourceBegins() {
        HotlistSnapshot left = store.beginSnapshot(MINISTRY, 1);
        left.add(List.of(entry("ES-1", "1234BCD")));
        left.commit();
        HotlistSnapshot other = store.beginSnapshot("guardia-civil", 1);
        other.add(List.of(new HotlistEntry(0, "5678FGH", "ES", HotlistCategory.STOLEN_VEHICLE, 70, "guardia-civil",
                "robo", "GC-1", FROM, null)));

        store.beginSnapshot(MINISTRY, 2).close();

        assertThat(stagedRows()).as("another source's snapshot keeps its rows").isEqualTo(1);
        assertThat(other.commit().state().entries()).isEqualTo(1);
    }

    @Test
    void aPageRefusesEntriesOfAnotherSourceWithoutAReferenceOrRepeated() {
        try (HotlistSnapshot snapshot = store.beginSnapshot(MINISTRY, 1)) {
            assertThatThrownBy(() -> snapshot.add(List.of(new HotlistEntry(0, "1234BCD", "ES",
                    HotlistCategory.STOLEN_VEHICLE, 70, "local-police", "robo", "ES-1", FROM, null))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local-police");
            assertThatThrownBy(() -> snapshot.add(List.of(entry(null, "1234BCD"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a reference");
            assertThatThrownBy(() -> snapshot.add(List.of(entry("ES-1", "1234BCD"), entry("ES-1", "5678FGH"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ES-1");
            snapshot.add(List.of(entry("ES-1", "1234BCD")));
            assertThatThrownBy(() -> snapshot.add(List.of(entry("ES-1", "5678FGH"))))
                    .as("a reference of an earlier page").isInstanceOf(StoreException.class);
            assertThat(snapshot.commit().state().entries()).isEqualTo(1);
        }
    }

    @Test
    void aChangeSetAddsUpdatesAndRemovesInOneStep() {
        snapshot(10, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"), entry("ES-3", "CE1234AB"));
        Map<String, HotlistEntry> before = byReference();

        AppliedChanges applied = store.apply(new HotlistChanges(MINISTRY, 10, 11,
                List.of(entry("ES-2", "5678FGJ"), entry("ES-4", "4444DDD"), entry("ES-1", "1234BCD")),
                List.of("ES-3", "ES-404")));

        HotlistSyncResult result = applied.result();
        assertThat(result.applied()).isTrue();
        assertThat(result).extracting(HotlistSyncResult::added, HotlistSyncResult::updated, HotlistSyncResult::removed,
                HotlistSyncResult::unchanged).containsExactly(1L, 1L, 1L, 1L);
        assertThat(result.state()).isEqualTo(new HotlistSyncState(MINISTRY, 11, NOW, 3));
        assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"), Map.entry("ES-2", "5678FGJ"),
                Map.entry("ES-4", "4444DDD"));
        assertThat(applied.unlisted()).containsExactlyInAnyOrder(before.get("ES-3"), before.get("ES-2"));
        assertThat(applied.listed()).extracting(HotlistEntry::reference).containsExactlyInAnyOrder("ES-2", "ES-4");
        assertThat(applied.listed()).filteredOn(entry -> entry.reference().equals("ES-2"))
                .singleElement().extracting(HotlistEntry::id).isEqualTo(before.get("ES-2").id());
        assertThat(applied.listed()).containsAll(store.listSynced(MINISTRY, 11, 0, 100));
    }

    @Test
    void anUpsertOfAReferenceNotHeldListsIt() {
        snapshot(1);

        AppliedChanges applied = store.apply(new HotlistChanges(MINISTRY, 1, 2, List.of(entry("ES-9", "1234BCD")),
                List.of()));

        assertThat(applied.result().added()).isEqualTo(1);
        assertThat(applied.listed()).singleElement().satisfies(entry -> assertThat(store.find(entry.id()))
                .contains(entry));
    }

    @Test
    void aChangeSetOnASourceNeverLoadedIsRefused() {
        assertThatThrownBy(() -> store.apply(new HotlistChanges(MINISTRY, 0, 1, List.of(entry("ES-1", "1234BCD")),
                List.of())))
                .isInstanceOfSatisfying(HotlistVersionGap.class, gap -> {
                    assertThat(gap.storedVersion()).isEmpty();
                    assertThat(gap.source()).isEqualTo(MINISTRY);
                    assertThat(gap.fromVersion()).isZero();
                    assertThat(gap.toVersion()).isEqualTo(1);
                })
                .hasMessageContaining("never loaded");
        assertThat(store.count()).isZero();
        assertThat(store.syncState(MINISTRY)).isEmpty();
    }

    @Test
    void aChangeSetFromAnotherVersionIsRefusedAndChangesNothing() {
        snapshot(10, entry("ES-1", "1234BCD"));

        for (long from : new long[] {11, 9}) {
            assertThatThrownBy(() -> store.apply(new HotlistChanges(MINISTRY, from, 12,
                    List.of(entry("ES-2", "5678FGH")), List.of("ES-1"))))
                    .isInstanceOfSatisfying(HotlistVersionGap.class,
                            gap -> assertThat(gap.storedVersion()).hasValue(10))
                    .hasMessageContaining("load a full snapshot");
        }
        assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"));
        assertThat(store.syncState(MINISTRY)).get().extracting(HotlistSyncState::version).isEqualTo(10L);
    }

    @Test
    void theSameChangeSetTwiceIsAppliedOnce() {
        snapshot(10, entry("ES-1", "1234BCD"));
        HotlistChanges changes = new HotlistChanges(MINISTRY, 10, 11, List.of(entry("ES-2", "5678FGH")),
                List.of("ES-1"));
        HotlistSyncState state = store.apply(changes).result().state();

        AppliedChanges again = store.apply(changes);

        assertThat(again.result().applied()).isFalse();
        assertThat(again.result().state()).isEqualTo(state);
        assertThat(again.listed()).isEmpty();
        assertThat(again.unlisted()).isEmpty();
        assertThat(plates()).containsOnly(Map.entry("ES-2", "5678FGH"));
    }

    @Test
    void aChangeSetTheDatabaseRefusesHalfwayLeavesNothingOfIt() {
        snapshot(10, entry("ES-1", "1234BCD"), entry("ES-2", "5678FGH"));
        HotlistEntry tooLong = new HotlistEntry(0, "4444DDD", "ES", HotlistCategory.STOLEN_VEHICLE, 70, MINISTRY,
                "x".repeat(401), "ES-4", FROM, null);

        assertThatThrownBy(() -> store.apply(new HotlistChanges(MINISTRY, 10, 11,
                List.of(entry("ES-3", "CE1234AB"), entry("ES-2", "5678FGJ"), tooLong), List.of("ES-1"))))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not apply the hotlist changes of interior-ministry from version 10 to 11");

        assertThat(plates()).containsOnly(Map.entry("ES-1", "1234BCD"), Map.entry("ES-2", "5678FGH"));
        assertThat(store.syncState(MINISTRY)).get().extracting(HotlistSyncState::version).isEqualTo(10L);
    }

    @Test
    void aNewStoreOverTheSameDatabaseKnowsWhereEachSourceStands() {
        snapshot(10, entry("ES-1", "1234BCD"));
        store.apply(new HotlistChanges(MINISTRY, 10, 11, List.of(entry("ES-2", "5678FGH")), List.of()));

        HotlistStore restarted = new HotlistStore(database);

        assertThat(restarted.syncState(MINISTRY)).contains(new HotlistSyncState(MINISTRY, 11, NOW, 2));
        List<String> plates = new ArrayList<>();
        restarted.forEach(entry -> plates.add(entry.plate()));
        assertThat(plates).containsExactlyInAnyOrder("1234BCD", "5678FGH");
    }

    @Test
    void listsWhatAVersionListedInPages() {
        List<HotlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(entry("ES-" + i, String.format("%04dXYZ", i)));
        }
        snapshot(3, entries.toArray(HotlistEntry[]::new));

        List<HotlistEntry> page = store.listSynced(MINISTRY, 3, 0, 10);
        assertThat(page).hasSize(10);
        assertThat(store.listSynced(MINISTRY, 3, page.get(9).id(), 100)).hasSize(15);
        assertThat(store.listSynced(MINISTRY, 4, 0, 100)).isEmpty();
        assertThat(store.listSynced("local-police", 3, 0, 100)).isEmpty();
    }

    private HotlistSyncResult snapshot(long version, HotlistEntry... entries) {
        try (HotlistSnapshot snapshot = store.beginSnapshot(MINISTRY, version)) {
            // in pages of two, as a paged source would give them
            for (int i = 0; i < entries.length; i += 2) {
                snapshot.add(List.of(entries).subList(i, Math.min(entries.length, i + 2)));
            }
            return snapshot.commit();
        }
    }

    private Map<String, HotlistEntry> byReference() {
        List<HotlistEntry> entries = new ArrayList<>();
        store.forEach(entries::add);
        return entries.stream().filter(entry -> entry.source().equals(MINISTRY) && entry.reference() != null)
                .collect(Collectors.toMap(HotlistEntry::reference, Function.identity()));
    }

    /** The source's plates by reference; an entry without a reference under its plate. */
    private Map<String, String> plates() {
        List<HotlistEntry> entries = new ArrayList<>();
        store.forEach(entries::add);
        return entries.stream().filter(entry -> entry.source().equals(MINISTRY))
                .collect(Collectors.toMap(entry -> entry.reference() == null ? entry.plate() : entry.reference(),
                        HotlistEntry::plate));
    }

    private long stagedRows() {
        return database.run("count staged rows", (Connection connection) -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM hotlist_snapshot_entry");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    static HotlistEntry entry(String reference, String plate) {
        return new HotlistEntry(0, plate, "ES", HotlistCategory.STOLEN_VEHICLE, 70, MINISTRY, "robo", reference, FROM,
                null);
    }
}
