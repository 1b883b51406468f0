package org.atalaya.store.internal;

import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.Agencies;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertStoreTest extends DatabaseTestSupport {

    private static final String LOCAL = Agencies.LOCAL_POLICE;
    private static final String NATIONAL = Agencies.NATIONAL_POLICE;
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private AlertStore store;

    @BeforeEach
    void openStore() {
        store = new AlertStore(database);
    }

    @Test
    void storesAnAlertAndFindsItAsStored() {
        Instant raisedAt = T0.plusNanos(123_456_789);

        AgencyAlert saved = store.save(LOCAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-tarajal-in", raisedAt,
                "{\"id\":\"hit-1\"}").orElseThrow();

        assertThat(saved.sequence()).isPositive();
        assertThat(saved.raisedAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(saved.acknowledgedAt()).isNull();
        assertThat(store.find(LOCAL, "hit-1")).contains(saved);
        assertThat(store.find(LOCAL, "hit-2")).isEmpty();
        assertThat(store.find(NATIONAL, "hit-1")).isEmpty();
    }

    @Test
    void aRedeliveredAlertIsStoredOnce() {
        AgencyAlert first = save(LOCAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);

        assertThat(store.save(LOCAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0, "{\"again\":true}"))
                .isEmpty();
        assertThat(store.after(LOCAL, 0, 10)).containsExactly(first);
    }

    @Test
    void storesABatchInOneTransactionInItsOrderOnceEach() {
        AgencyAlert earlier = save(LOCAL, "hit-0", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);

        List<AgencyAlert> stored = store.saveAll(LOCAL, List.of(received("hit-1"), received("hit-0"),
                received("hit-2"), received("hit-1")));

        // the one stored before and the repeat in the batch are not stored again
        assertThat(stored).extracting(AgencyAlert::id).containsExactly("hit-1", "hit-2");
        assertThat(stored.get(0).sequence()).isGreaterThan(earlier.sequence());
        assertThat(stored.get(1).sequence()).isGreaterThan(stored.get(0).sequence());
        assertThat(store.after(LOCAL, 0, 10)).containsExactly(earlier, stored.get(0), stored.get(1));
        assertThat(store.saveAll(LOCAL, List.of())).isEmpty();
    }

    @Test
    void aBatchWithAnInvalidAlertStoresNothing() {
        AgencyAlert invalid = new AgencyAlert(0, LOCAL, "hit-9", AlertKind.HIT, 101, "1234BCD", "ceu-port", T0, "{}",
                null, null);

        assertThatThrownBy(() -> store.saveAll(LOCAL, List.of(received("hit-8"), invalid)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.after(LOCAL, 0, 10)).isEmpty();
    }

    @Test
    void handsTheAlertsStoredNowToWorkInTheirTransaction() {
        save(LOCAL, "hit-0", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);
        List<String> handed = new ArrayList<>();
        AtomicBoolean inTransaction = new AtomicBoolean();

        List<AgencyAlert> stored = store.saveAll(LOCAL, List.of(received("hit-0"), received("hit-1")), now -> {
            now.forEach(alert -> handed.add(alert.id() + "@" + alert.sequence()));
            inTransaction.set(database.openTransaction().isPresent());
        });

        assertThat(handed).containsExactly("hit-1@" + stored.get(0).sequence());
        assertThat(inTransaction).isTrue();
        assertThat(database.openTransaction()).isEmpty();

        // nothing new stored, nothing handed
        store.saveAll(LOCAL, List.of(received("hit-1")), now -> handed.add("again"));
        assertThat(handed).hasSize(1);
    }

    @Test
    void whatTheWorkAlongsideWritesIsCommittedWithTheAlertsAndAFailureStoresNeither() {
        store.saveAll(LOCAL, List.of(received("hit-1")), now -> note("stored with hit-1"));

        assertThatThrownBy(() -> store.saveAll(LOCAL, List.of(received("hit-2")), now -> {
            note("stored with hit-2");
            throw new IllegalStateException("the audit log refused");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("the audit log refused");

        assertThat(store.after(LOCAL, 0, 10)).extracting(AgencyAlert::id).containsExactly("hit-1");
        assertThat(notes()).containsExactly("stored with hit-1");
    }

    /** A write of another part of the hub, in the transaction open on this thread. */
    private void note(String text) {
        try (PreparedStatement insert = database.openTransaction().orElseThrow().prepareStatement(
                "INSERT INTO alert_agency (agency) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> notes() {
        return database.run("read the notes", connection -> {
            List<String> notes = new ArrayList<>();
            try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                    "SELECT agency FROM alert_agency WHERE agency LIKE 'stored with %' ORDER BY agency")) {
                while (rows.next()) {
                    notes.add(rows.getString(1));
                }
            }
            return notes;
        });
    }

    @Test
    void numbersAnAgencysAlertsInTheOrderTheyAreStored() {
        AgencyAlert a1 = save(LOCAL, "a1", AlertKind.HIT, 50, "1234BCD", "ceu-port", T0);
        AgencyAlert a2 = save(LOCAL, "a2", AlertKind.CLONE, 50, "5678FGH", "ceu-port", T0.minusSeconds(60));
        AgencyAlert a3 = save(LOCAL, "a3", AlertKind.PAST_HIT, 50, "1234BCD", null, T0);

        assertThat(a2.sequence()).isGreaterThan(a1.sequence());
        assertThat(a3.sequence()).isGreaterThan(a2.sequence());
        assertThat(store.after(LOCAL, 0, 10)).containsExactly(a1, a2, a3);
        assertThat(store.after(LOCAL, a1.sequence(), 10)).containsExactly(a2, a3);
        assertThat(store.after(LOCAL, a1.sequence(), 1)).containsExactly(a2);
        assertThat(store.after(LOCAL, a3.sequence(), 10)).isEmpty();
    }

    @Test
    void eachAgencyHasItsOwnAlerts() {
        AgencyAlert local = save(LOCAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);
        AgencyAlert national = save(NATIONAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);
        AgencyAlert onlyNational = save(NATIONAL, "hit-2", AlertKind.HIT, 80, "5678FGH", "ceu-port", T0);

        assertThat(store.after(LOCAL, 0, 10)).containsExactly(local);
        assertThat(store.after(NATIONAL, 0, 10)).containsExactly(national, onlyNational);
        assertThat(store.list(LOCAL, query(null, null, null, 0, null, null, null, 0, 10))).containsExactly(local);
        assertThat(store.find(NATIONAL, "hit-1")).contains(national);
    }

    @Test
    void listsNewestFirstInPages() {
        List<AgencyAlert> saved = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            saved.add(save(LOCAL, "a" + i, AlertKind.HIT, 50, "1234BCD", "ceu-port", T0.plusSeconds(i)));
        }
        List<AgencyAlert> newestFirst = new ArrayList<>(saved);
        Collections.reverse(newestFirst);

        List<AgencyAlert> first = store.list(LOCAL, query(null, null, null, 0, null, null, null, 0, 10));
        List<AgencyAlert> second = store.list(LOCAL, query(null, null, null, 0, null, null, null,
                first.get(9).sequence(), 10));
        List<AgencyAlert> third = store.list(LOCAL, query(null, null, null, 0, null, null, null,
                second.get(9).sequence(), 10));

        assertThat(first).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(second).containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat(third).containsExactlyElementsOf(newestFirst.subList(20, 25));
    }

    @Test
    void filtersByKindPlateCameraAndPriority() {
        AgencyAlert hit = save(LOCAL, "hit", AlertKind.HIT, 90, "1234BCD", "ceu-tarajal-in", T0);
        AgencyAlert clone = save(LOCAL, "clone", AlertKind.CLONE, 60, "1234BCD", "ceu-port", T0);
        AgencyAlert pastHit = save(LOCAL, "past", AlertKind.PAST_HIT, 30, "5678FGH", "ceu-port", T0);

        assertThat(store.list(LOCAL, query(AlertKind.CLONE, null, null, 0, null, null, null, 0, 10)))
                .containsExactly(clone);
        assertThat(store.list(LOCAL, query(null, "1234BCD", null, 0, null, null, null, 0, 10)))
                .containsExactly(clone, hit);
        assertThat(store.list(LOCAL, query(null, null, "ceu-port", 0, null, null, null, 0, 10)))
                .containsExactly(pastHit, clone);
        assertThat(store.list(LOCAL, query(null, null, null, 60, null, null, null, 0, 10)))
                .containsExactly(clone, hit);
        assertThat(store.list(LOCAL, query(AlertKind.HIT, "1234BCD", "ceu-port", 0, null, null, null, 0, 10)))
                .isEmpty();
    }

    @Test
    void filtersByTimeAndAcknowledgement() {
        AgencyAlert early = save(LOCAL, "early", AlertKind.HIT, 50, "1234BCD", "ceu-port", T0.minusSeconds(3600));
        AgencyAlert onTime = save(LOCAL, "on-time", AlertKind.HIT, 50, "1234BCD", "ceu-port", T0);
        AgencyAlert late = save(LOCAL, "late", AlertKind.HIT, 50, "1234BCD", "ceu-port", T0.plusSeconds(3600));
        AgencyAlert acknowledged = store.acknowledge(LOCAL, "late", "agente-17", T0.plusSeconds(3700)).orElseThrow();

        assertThat(store.list(LOCAL, query(null, null, null, 0, T0, null, null, 0, 10)))
                .containsExactly(acknowledged, onTime);
        assertThat(store.list(LOCAL, query(null, null, null, 0, null, T0, null, 0, 10))).containsExactly(early);
        assertThat(store.list(LOCAL, query(null, null, null, 0, T0.minusSeconds(1), T0.plusSeconds(1), null, 0, 10)))
                .containsExactly(onTime);
        assertThat(store.list(LOCAL, query(null, null, null, 0, null, null, true, 0, 10)))
                .containsExactly(acknowledged);
        assertThat(store.list(LOCAL, query(null, null, null, 0, null, null, false, 0, 10)))
                .containsExactly(onTime, early);
        assertThat(late.acknowledgedAt()).isNull();
    }

    @Test
    void acknowledgesOnce() {
        save(LOCAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);
        save(NATIONAL, "hit-1", AlertKind.HIT, 80, "1234BCD", "ceu-port", T0);

        AgencyAlert first = store.acknowledge(LOCAL, "hit-1", "agente-17", T0.plusSeconds(30)).orElseThrow();
        AgencyAlert again = store.acknowledge(LOCAL, "hit-1", "agente-42", T0.plusSeconds(90)).orElseThrow();

        assertThat(first.acknowledgedBy()).isEqualTo("agente-17");
        assertThat(first.acknowledgedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(again).isEqualTo(first);
        assertThat(store.find(LOCAL, "hit-1")).contains(first);
        assertThat(store.find(NATIONAL, "hit-1").orElseThrow().acknowledgedAt()).isNull();
        assertThat(store.acknowledge(LOCAL, "hit-2", "agente-17", T0)).isEmpty();
    }

    @Test
    void aStreamReadingWhileAlertsArriveMissesNone() throws Exception {
        int writers = 4;
        int alertsEach = 40;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        try {
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<String>> reader = threads.submit(() -> {
                List<String> seen = new ArrayList<>();
                long last = 0;
                boolean more = true;
                while (more) {
                    boolean finalRead = !writing.get();
                    List<AgencyAlert> next = store.after(LOCAL, last, 50);
                    for (AgencyAlert alert : next) {
                        seen.add(alert.id());
                        last = alert.sequence();
                    }
                    more = !finalRead || !next.isEmpty();
                }
                return seen;
            });
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(threads.submit(() -> {
                    for (int i = 0; i < alertsEach; i++) {
                        save(LOCAL, "w" + writer + "-" + i, AlertKind.HIT, 50, "1234BCD", "ceu-port", T0);
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);

            List<String> seen = reader.get(60, TimeUnit.SECONDS);
            assertThat(seen).hasSize(writers * alertsEach).doesNotHaveDuplicates();
            assertThat(seen).containsExactlyElementsOf(
                    store.after(LOCAL, 0, 1000).stream().map(AgencyAlert::id).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesAPriorityOutOfRangeAndANonPositiveLimit() {
        assertThatThrownBy(() -> save(LOCAL, "hit-1", AlertKind.HIT, 101, "1234BCD", "ceu-port", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.after(LOCAL, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AgencyAlert received(String id) {
        return new AgencyAlert(0, LOCAL, id, AlertKind.HIT, 80, "1234BCD", "ceu-port", T0, "{\"id\":\"" + id + "\"}",
                null, null);
    }

    private AgencyAlert save(String agency, String id, AlertKind kind, int priority, String plate, String cameraId,
            Instant raisedAt) {
        return store.save(agency, id, kind, priority, plate, cameraId, raisedAt, "{\"id\":\"" + id + "\"}")
                .orElseThrow();
    }

    private static AlertQuery query(AlertKind kind, String plate, String cameraId, int minPriority, Instant since,
            Instant until, Boolean acknowledged, long beforeSequence, int limit) {
        return new AlertQuery(kind, plate, cameraId, minPriority, since, until, acknowledged, beforeSequence, limit);
    }
}
