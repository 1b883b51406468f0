package org.atalaya.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlateReadStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private PlateReadStore store;

    @BeforeEach
    void openStore() throws Exception {
        // a stand-in canonical form: O reads as 0
        store = new PlateReadStore(StoreTestSupport.freshDatabase(), plate -> plate.replace('O', '0'));
    }

    @Test
    void storesReadsAndFindsThemByTheirCanonicalForm() throws Exception {
        PlateRead read = read("r1", "1234BC0", T0, new GeoPoint(35.8717, -5.3430));
        PlateRead equivalent = read("r2", "1234BCO", T0.plusSeconds(60), null);
        PlateRead other = read("r3", "5678FGH", T0.plusSeconds(60), null);

        assertThat(store.save(List.of(read, equivalent, other))).isEqualTo(3);

        assertThat(store.readsWithKey("1234BC0", T0.minusSeconds(1))).containsExactly(read, equivalent);
        assertThat(store.readsWithKey("1234BC0", T0.plusSeconds(1))).containsExactly(equivalent);
    }

    @Test
    void aReadStoredTwiceIsStoredOnce() throws Exception {
        PlateRead read = read("r1", "1234BCD", T0, null);

        assertThat(store.save(List.of(read))).isEqualTo(1);
        assertThat(store.save(List.of(read, read("r2", "1234BCD", T0, null)))).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void purgesWhatIsOlderThanTheRetentionPeriod() throws Exception {
        store.save(List.of(read("old", "1234BCD", T0.minusSeconds(3600), null), read("new", "1234BCD", T0, null)));

        assertThat(store.purge(T0.minusSeconds(60))).isEqualTo(1);
        assertThat(store.readsWithKey("1234BCD", Instant.EPOCH)).extracting(PlateRead::id).containsExactly("new");
    }

    private static PlateRead read(String id, String plate, Instant at, GeoPoint position) {
        return new PlateRead(id, "tarajal-1", at, plate, plate, "ES", 0.9f, Direction.APPROACHING, position,
                "https://camaras.ceuta.example/" + id + ".jpg");
    }
}
