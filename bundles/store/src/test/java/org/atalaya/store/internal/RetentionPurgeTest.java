package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.atalaya.api.anpr.PlateRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionPurgeTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-21T10:00:00Z");

    private PlateReadStore reads;

    @BeforeEach
    void openStore() throws Exception {
        // the archive's own schema, in a database of its own as the distribution keeps it
        reads = new PlateReadStore(Database.open(anotherDatabase(), Database.Schema.ARCHIVE));
    }

    @Test
    void deletesTheReadsCapturedBeforeTheRetentionPeriod() {
        Instant limit = NOW.minus(Duration.ofDays(30));
        reads.save(List.of(
                PlateReadStoreTest.read("old", "1234BCD", limit.minusSeconds(3600), null),
                PlateReadStoreTest.read("just-too-old", "1234BCD", limit.minusSeconds(1), null),
                PlateReadStoreTest.read("just-kept", "5678FGH", limit, null),
                PlateReadStoreTest.read("new", "5678FGH", NOW.minusSeconds(60), null)), plate -> plate);
        RetentionPurge purge = new RetentionPurge(reads, 30, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(purge.run()).isEqualTo(2);
        assertThat(reads.readsWithKey("1234BCD", Instant.EPOCH)).isEmpty();
        assertThat(reads.readsWithKey("5678FGH", Instant.EPOCH)).extracting(PlateRead::id)
                .containsExactly("just-kept", "new");
        assertThat(purge.run()).isZero();
    }

    @Test
    void aRetentionPeriodIsAtLeastADay() {
        assertThatThrownBy(() -> new RetentionPurge(reads, 0, Clock.systemUTC()))
                .hasMessage("retentionDays must be at least 1: 0");
    }
}
