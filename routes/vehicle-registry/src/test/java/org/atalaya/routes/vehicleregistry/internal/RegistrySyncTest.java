package org.atalaya.routes.vehicleregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.VehicleRegistryLink.SyncReport;
import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.simulators.registry.Listing;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync against the simulated ministry, over real SOAP, into a hotlist with the store's version rules. */
class RegistrySyncTest {

    private static final String SOURCE = "interior-ministry";

    private RegistrySimulator.Standalone ministry;
    private MinistryClient client;
    private final MemoryHotlistSync hotlist = new MemoryHotlistSync();
    private final List<String> asked = new ArrayList<>();
    private RegistrySync sync;

    @BeforeEach
    void start() throws Exception {
        ministry = Ministry.start(2_500);
        client = Ministry.client(ministry);
        sync = new RegistrySync(SOURCE, hotlist, new RegistrySync.Feed() {
            @Override
            public HotlistPage snapshotPage(String pageToken, int pageSize) throws Exception {
                asked.add("page " + (pageToken == null ? "first" : "next"));
                return client.snapshotPage(pageToken, pageSize);
            }

            @Override
            public HotlistChanges changes(long sinceVersion, int maxChanges) throws Exception {
                asked.add("changes since " + sinceVersion);
                return client.changes(sinceVersion, maxChanges);
            }
        }, 1_000, 2, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        ministry.close();
    }

    @Test
    void theFirstSyncLoadsTheWholeListPageByPage() throws Exception {
        List<Long> progress = new ArrayList<>();

        SyncReport report = sync.run(false, progress::add);

        assertThat(report.kind()).isEqualTo("SNAPSHOT");
        assertThat(report.toVersion()).isEqualTo(ministry.version());
        assertThat(report.entries()).isEqualTo(2_500);
        assertThat(hotlist.entries).hasSize(2_500);
        assertThat(asked).containsExactly("page first", "page next", "page next");
        assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
        HotlistEntry one = hotlist.entries.values().iterator().next();
        assertThat(one.source()).isEqualTo(SOURCE);
        Listing listed = ministry.list(one.reference()).orElseThrow();
        assertThat(one.plate()).isEqualTo(listed.plate());
        assertThat(one.country()).isEqualTo(listed.country());
        assertThat(one.category().name()).isEqualTo(listed.category().name());
        assertThat(one.validFrom()).isEqualTo(listed.validFrom());
    }

    @Test
    void aDeltaAddsUpdatesAndRemovesOntoTheVersionTheHubHolds() throws Exception {
        sync.run(false, loaded -> { });
        long before = ministry.version();
        Listing added = ministry.addEntry("1234BCD", "ES", AlertCategory.STOLEN_VEHICLE, 90, "Sustraído en Ceuta");
        String removed = hotlist.entries.keySet().iterator().next();
        ministry.removeEntry(removed);
        asked.clear();

        SyncReport report = sync.run(false, loaded -> { });

        assertThat(report.kind()).isEqualTo("CHANGES");
        assertThat(report.fromVersion()).isEqualTo(before);
        assertThat(report.toVersion()).isEqualTo(before + 2);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(hotlist.entries.get(added.reference()).plate()).isEqualTo("1234BCD");
        assertThat(hotlist.entries.get(added.reference()).category()).isEqualTo(HotlistCategory.STOLEN_VEHICLE);
        assertThat(hotlist.entries).doesNotContainKey(removed).hasSize(2_500);
        assertThat(asked).containsExactly("changes since " + before);
    }

    @Test
    void manyChangesComeInSeveralChangeSetsEachAppliedWhole() throws Exception {
        sync.run(false, loaded -> { });
        long before = ministry.version();
        for (int i = 0; i < 5; i++) {
            ministry.addEntry("770" + i + "KLM", "ES", AlertCategory.STOLEN_OR_INVALIDATED_PLATE, 60, "Placa robada");
        }

        SyncReport report = sync.run(false, loaded -> { });

        assertThat(report.added()).isEqualTo(5);
        assertThat(hotlist.applied).containsSubsequence("changes " + before + "-" + (before + 2),
                "changes " + (before + 2) + "-" + (before + 4), "changes " + (before + 4) + "-" + (before + 5));
        assertThat(hotlist.entries).hasSize(2_505);
    }

    @Test
    void aPollWithNothingNewConfirmsTheVersion() throws Exception {
        sync.run(false, loaded -> { });

        SyncReport report = sync.run(false, loaded -> { });

        assertThat(report.kind()).isEqualTo("CONFIRMED");
        assertThat(report.fromVersion()).isEqualTo(report.toVersion()).isEqualTo(ministry.version());
    }

    @Test
    void whenTheVersionsDoNotJoinUpTheWholeListIsLoadedAgain() throws Exception {
        sync.run(false, loaded -> { });
        // the hub is ahead of the ministry, as when the ministry's service started again from version 1
        hotlist.at(ministry.version() + 40);

        SyncReport report = sync.run(false, loaded -> { });

        assertThat(report.kind()).isEqualTo("SNAPSHOT");
        assertThat(report.toVersion()).isEqualTo(ministry.version());
        assertThat(hotlist.entries).hasSize(2_500);
    }

    @Test
    void aHubThatWentBackAVersionCatchesUpFromThere() throws Exception {
        sync.run(false, loaded -> { });
        ministry.addEntry("4821KLB", "ES", AlertCategory.WANTED_PERSON_VEHICLE, 95, "Vehículo de persona buscada");
        sync.run(false, loaded -> { });
        // as after restoring the hub's database from a backup one version old
        hotlist.at(ministry.version() - 1);
        asked.clear();

        SyncReport report = sync.run(false, loaded -> { });

        assertThat(report.kind()).isEqualTo("CHANGES");
        assertThat(report.updated()).isEqualTo(1);
        assertThat(asked).containsExactly("changes since " + (ministry.version() - 1));
    }

    @Test
    void aFullSyncIsLoadedWhenAskedEvenIfTheChangesWouldDo() throws Exception {
        sync.run(false, loaded -> { });

        SyncReport report = sync.run(true, loaded -> { });

        assertThat(report.kind()).isEqualTo("SNAPSHOT");
        assertThat(hotlist.applied).containsExactly("snapshot " + ministry.version(), "snapshot " + ministry.version());
    }
}
