package org.atalaya.store.internal;

import org.atalaya.store.jdbc.StoreException;
import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HotlistStoreTest extends DatabaseTestSupport {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    private HotlistStore store;

    @BeforeEach
    void openStore() {
        store = new HotlistStore(database);
    }

    @Test
    void addsEntriesWithNewIdsAndFindsThemAgain() {
        List<HotlistEntry> added = store.add(List.of(entry("1234BCD", "ES-1"), entry("CE1234AB", "ES-2")));

        assertThat(added).extracting(HotlistEntry::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(store.find(added.get(1).id())).contains(added.get(1));
        assertThat(store.find(added.get(1).id() + 1000)).isEmpty();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void findsAnEntryByItsSourceAndReference() {
        HotlistEntry entry = store.add(entry("1234BCD", "ES-1"));
        store.add(entry("5678FGH", "ES-2"));

        assertThat(store.findByReference("interior-ministry", "ES-1")).contains(entry);
        assertThat(store.findByReference("local-police", "ES-1")).isEmpty();
        assertThat(store.findByReference("interior-ministry", "ES-3")).isEmpty();
    }

    @Test
    void updatesAndRemovesReturningWhatWasThere() {
        HotlistEntry entry = store.add(entry("1234BCD", "ES-1"));
        HotlistEntry raised = new HotlistEntry(entry.id(), "1234BCD", "ES", HotlistCategory.WANTED_PERSON_VEHICLE, 95,
                "interior-ministry", "vehículo de persona buscada", "ES-1", FROM, Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(store.update(raised)).contains(entry);
        assertThat(store.find(entry.id())).contains(raised);
        assertThat(store.remove(entry.id())).contains(raised);
        assertThat(store.find(entry.id())).isEmpty();
        assertThat(store.remove(entry.id())).isEmpty();
        assertThat(store.update(raised)).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void listsInPagesAndByPlate() {
        List<HotlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(entry(i % 5 == 0 ? "1234BCD" : String.format("%04dXYZ", i), "ES-" + i));
        }
        List<HotlistEntry> added = store.add(entries);

        List<HotlistEntry> page = store.list(null, 0, 10);
        assertThat(page).containsExactlyElementsOf(added.subList(0, 10));
        assertThat(store.list(null, page.get(9).id(), 100)).containsExactlyElementsOf(added.subList(10, 25));
        assertThat(store.list("1234BCD", 0, 100)).hasSize(5).allMatch(entry -> entry.plate().equals("1234BCD"));
    }

    @Test
    void streamsEveryEntry() {
        store.add(List.of(entry("1234BCD", "ES-1"), entry("5678FGH", "ES-2"), entry("9999XYZ", null)));
        List<String> plates = new ArrayList<>();

        assertThat(store.forEach(entry -> plates.add(entry.plate()))).isEqualTo(3);
        assertThat(plates).containsExactlyInAnyOrder("1234BCD", "5678FGH", "9999XYZ");
    }

    @Test
    void aSourceListsAReferenceOnceAndAFailedBatchAddsNothing() {
        store.add(entry("1234BCD", "ES-1"));

        assertThatThrownBy(() -> store.add(List.of(entry("5678FGH", "ES-2"), entry("9999XYZ", "ES-1"))))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not add 2 hotlist entries: ")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(store.count()).isEqualTo(1);
    }

    private static HotlistEntry entry(String plate, String reference) {
        return new HotlistEntry(0, plate, "ES", HotlistCategory.STOLEN_VEHICLE, 70, "interior-ministry", "robo",
                reference, FROM, null);
    }
}
