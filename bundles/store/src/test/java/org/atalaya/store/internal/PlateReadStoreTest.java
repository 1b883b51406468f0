package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.atalaya.store.jdbc.StoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlateReadStoreTest extends DatabaseTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    /** A stand-in canonical form: O reads as 0. */
    private static final UnaryOperator<String> KEY = plate -> plate.replace('O', '0');

    private PlateReadStore store;

    @BeforeEach
    void openStore() throws Exception {
        // the archive's own schema, in a database of its own as the distribution keeps it
        store = new PlateReadStore(Database.open(anotherDatabase(), Database.Schema.ARCHIVE));
    }

    @Test
    void storesReadsAndFindsThemByTheirCanonicalForm() {
        PlateRead read = read("r1", "1234BC0", T0, new GeoPoint(35.8717, -5.3430));
        PlateRead equivalent = read("r2", "1234BCO", T0.plusSeconds(60), null);
        PlateRead other = read("r3", "5678FGH", T0.plusSeconds(60), null);

        assertThat(store.save(List.of(read, equivalent, other), KEY)).isEqualTo(3);

        assertThat(store.readsWithKey("1234BC0", T0.minusSeconds(1))).containsExactly(read, equivalent);
        assertThat(store.readsWithKey("1234BC0", T0.plusSeconds(1))).containsExactly(equivalent);
        assertThat(store.readsWithKey("1234BCO", T0.minusSeconds(1))).isEmpty();
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void aReadStoredTwiceIsStoredOnce() {
        PlateRead read = read("r1", "1234BCD", T0, null);

        assertThat(store.save(List.of(read), KEY)).isEqualTo(1);
        assertThat(store.save(List.of(read, read("r2", "1234BCD", T0, null)), KEY)).isEqualTo(1);
        assertThat(store.save(List.of(), KEY)).isZero();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aReadTwiceInOneBatchIsStoredOnceAsFirstGiven() {
        // a camera sends a read again when the hub was killed before its PUBACK: both copies may
        // reach the archive in one batch, and the batch must not fail for it (on H2 2.4.240 the
        // second of two adjacent copies failed the batch on the key)
        PlateRead first = read("r1", "1234BCD", T0, null);
        PlateRead again = read("r1", "1234BCO", T0.plusSeconds(1), null);

        assertThat(store.save(List.of(first, again, read("r2", "5678FGH", T0, null)), KEY)).isEqualTo(2);

        assertThat(store.count()).isEqualTo(2);
        assertThat(store.readsWithKey("1234BCD", Instant.EPOCH)).containsExactly(first);
    }

    @Test
    void purgesWhatWasCapturedBeforeATime() {
        store.save(List.of(read("old", "1234BCD", T0.minusSeconds(3600), null), read("new", "1234BCD", T0, null)),
                KEY);

        assertThat(store.purge(T0.minusSeconds(60))).isEqualTo(1);
        assertThat(store.purge(T0.minusSeconds(60))).isZero();
        assertThat(store.readsWithKey("1234BCD", Instant.EPOCH)).extracting(PlateRead::id).containsExactly("new");
    }

    @Test
    void aFailedBatchStoresNothing() {
        PlateRead tooLong = read("r2", "1234BCDEFGHIJKL", T0, null);

        assertThatThrownBy(() -> store.save(List.of(read("r1", "1234BCD", T0, null), tooLong), KEY))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save 2 plate reads: ");
        assertThat(store.count()).isZero();
    }

    static PlateRead read(String id, String plate, Instant at, GeoPoint position) {
        return new PlateRead(id, "ceu-tarajal-in", at, plate, plate, "ES", 0.9f, Direction.APPROACHING, position,
                "https://camaras.ceuta.example/" + id + ".jpg");
    }
}
