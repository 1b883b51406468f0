package org.atalaya.store.internal;

import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CameraStoreTest extends DatabaseTestSupport {

    private static final Camera TARAJAL_IN = new Camera("ceu-tarajal-in", "Frontera del Tarajal, entrada",
            new GeoPoint(35.8717, -5.3430), 20, true);
    private static final Camera PORT = new Camera("ceu-port", "Estación Marítima",
            new GeoPoint(35.8893, -5.3163), 135, false);

    private CameraStore store;

    @BeforeEach
    void openStore() {
        store = new CameraStore(database);
    }

    @Test
    void addsFindsAndListsCamerasById() {
        assertThat(store.put(TARAJAL_IN)).isTrue();
        assertThat(store.put(PORT)).isTrue();

        assertThat(store.find("ceu-port")).contains(PORT);
        assertThat(store.find("ceu-benzu")).isEmpty();
        assertThat(store.list()).containsExactly(PORT, TARAJAL_IN);
    }

    @Test
    void replacesACameraWithTheSameId() {
        store.put(TARAJAL_IN);
        Camera moved = new Camera("ceu-tarajal-in", "Frontera del Tarajal, entrada (carril 2)",
                new GeoPoint(35.8719, -5.3428), 25.5, true);

        assertThat(store.put(moved)).isFalse();
        assertThat(store.find("ceu-tarajal-in")).contains(moved);
        assertThat(store.list()).containsExactly(moved);
    }

    @Test
    void removesACamera() {
        store.put(TARAJAL_IN);

        assertThat(store.remove("ceu-tarajal-in")).isTrue();
        assertThat(store.remove("ceu-tarajal-in")).isFalse();
        assertThat(store.list()).isEmpty();
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void findSeesEveryChangeMadeAfterItsFirstAnswer() {
        assertThat(store.find("ceu-port")).isEmpty();
        store.put(PORT);
        assertThat(store.find("ceu-port")).contains(PORT);

        Camera renamed = new Camera("ceu-port", "Puerto, muelle de Poniente", PORT.position(), PORT.heading(),
                PORT.borderApproach());
        store.put(renamed);
        assertThat(store.find("ceu-port")).contains(renamed);

        store.remove("ceu-port");
        assertThat(store.find("ceu-port")).isEmpty();
        store.seedIfEmpty(List.of(TARAJAL_IN));
        assertThat(store.find("ceu-tarajal-in")).contains(TARAJAL_IN);
    }

    @Test
    void seedsOnlyAnEmptyTable() {
        assertThat(store.seedIfEmpty(List.of(TARAJAL_IN, PORT))).isEqualTo(2);
        assertThat(store.isEmpty()).isFalse();

        assertThat(store.seedIfEmpty(List.of(new Camera("ceu-benzu", "Benzú", new GeoPoint(35.9150, -5.3772), 90,
                true)))).isZero();
        assertThat(store.list()).containsExactly(PORT, TARAJAL_IN);
    }
}
