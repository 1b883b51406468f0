package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreComponentTest extends DatabaseTestSupport {

    @TempDir
    Path etc;

    private final StoreComponent component = new StoreComponent();
    private PlateReadStore reads;

    @BeforeEach
    void injectDataSources() throws Exception {
        component.dataSource = dataSource;
        component.archiveDataSource = anotherDatabase();
        reads = new PlateReadStore(Database.open(component.archiveDataSource, Database.Schema.ARCHIVE));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (component.database() != null) {
            component.deactivate();
        }
    }

    @Test
    void fillsTheCameraTableAndPurgesOnItsOwnThread() throws Exception {
        Path cameras = Files.writeString(etc.resolve("cameras.csv"),
                "id,name,latitude,longitude,heading,border_approach\n"
                        + "ceu-benzu,Frontera de Benzú,35.9150,-5.3772,90,true\n", StandardCharsets.UTF_8);
        Instant now = Instant.now();
        reads.save(List.of(PlateReadStoreTest.read("old", "1234BCD", now.minus(Duration.ofDays(8)), null),
                PlateReadStoreTest.read("new", "1234BCD", now.minus(Duration.ofDays(6)), null)), plate -> plate);

        component.open(config(7, 60, cameras.toString()));

        assertThat(new CameraStore(component.database()).list()).extracting(Camera::id).containsExactly("ceu-benzu");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.count() == 1);
        assertThat(reads.readsWithKey("1234BCD", Instant.EPOCH)).extracting(PlateRead::id).containsExactly("new");
        assertThat(purgeThreadAlive()).isTrue();

        component.deactivate();
        await().atMost(Duration.ofSeconds(10)).until(() -> !purgeThreadAlive());
    }

    @Test
    void aChangedRetentionPeriodAppliesAtOnce() throws Exception {
        Instant now = Instant.now();
        reads.save(List.of(PlateReadStoreTest.read("r", "1234BCD", now.minus(Duration.ofDays(8)), null)),
                plate -> plate);
        component.open(config(30, 60, etc.resolve("none.csv").toString()));

        component.modified(config(7, 60, etc.resolve("none.csv").toString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> reads.count() == 0);
        assertThat(new CameraStore(component.database()).isEmpty()).isTrue();
    }

    @Test
    void platesReadAreArchivedInTheArchivesDatabaseNotTheHubs() throws Exception {
        component.open(config(30, 60, etc.resolve("none.csv").toString()));

        new PlateReadStore(component).save(List.of(PlateReadStoreTest.read("r", "1234BCD", Instant.now(), null)),
                plate -> plate);

        assertThat(platesRead(component.archiveDataSource)).isEqualTo(1);
        assertThat(platesRead(dataSource)).isZero();
    }

    @Test
    void theArchiveMayShareTheHubsDatabase() throws Exception {
        // the hub's schema has a plate_read table of its own first migration: the archive's keeps it
        component.archiveDataSource = dataSource;
        Instant now = Instant.now();
        new PlateReadStore(database).save(List.of(PlateReadStoreTest.read("old", "1234BCD",
                now.minus(Duration.ofDays(8)), null)), plate -> plate);

        component.open(config(7, 60, etc.resolve("none.csv").toString()));
        new PlateReadStore(component).save(List.of(PlateReadStoreTest.read("new", "1234BCD", now, null)),
                plate -> plate);

        await().atMost(Duration.ofSeconds(10)).until(() -> platesRead(dataSource) == 1);
        assertThat(new PlateReadStore(component).readsWithKey("1234BCD", Instant.EPOCH)).extracting(PlateRead::id)
                .containsExactly("new");
    }

    private static long platesRead(DataSource in) throws SQLException {
        try (Connection connection = in.getConnection(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM plate_read")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean purgeThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(StoreComponent.PURGE_THREAD) && thread.isAlive());
    }

    private static StoreConfiguration config(int retentionDays, int purgeIntervalMinutes, String camerasFile) {
        return new StoreConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfiguration.class;
            }

            @Override
            public int retentionDays() {
                return retentionDays;
            }

            @Override
            public int purgeIntervalMinutes() {
                return purgeIntervalMinutes;
            }

            @Override
            public String camerasFile() {
                return camerasFile;
            }
        };
    }
}
