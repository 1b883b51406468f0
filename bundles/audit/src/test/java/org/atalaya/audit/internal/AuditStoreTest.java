package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.audit.internal.AuditFixtures.T0;
import static org.atalaya.audit.internal.AuditFixtures.append;
import static org.atalaya.audit.internal.AuditFixtures.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditStoreTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.654321Z");

    private SealKey key;
    private AuditStore store;

    @BeforeEach
    void openLog() {
        key = SealKey.generate();
        store = new AuditStore(database, key, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void appendsRecordsNumberedFromOneEachChainedToTheOneBefore() {
        List<AuditRecord> records = append(store, 1, 3);

        assertThat(records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(records.get(1).previousHash()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).previousHash()).isEqualTo(records.get(1).hash());
        for (AuditRecord record : records) {
            assertThat(record.hash()).isEqualTo(AuditChain.hash(record.previousHash(), record.sequence(),
                    record.entry()));
        }
        assertThat(store.lastSequence()).isEqualTo(3);
    }

    @Test
    void keepsEveryFieldAsAppendedToTheMicrosecond() {
        AuditEntry entry = new AuditEntry(T0.plusNanos(123_456_789), "local-police", "CN=agente 17, O=Policía Local",
                "GET /api/v1/alerts", "hits", List.of("hit-1", "1234 BCD", "ñandú"), "investigación", "ATL-2026-117",
                "allowed 200", List.of("local-police", "national-police"), "");
        AuditEntry sparse = new AuditEntry(T0, null, null, "face-match.purge", null, List.of(), null, null, "failed",
                List.of(), null);

        // one subject and one recipient are stored by another statement than several
        AuditEntry single = new AuditEntry(T0, "national-police", "CN=agente 9, O=Policía Nacional",
                "GET /api/v1/alerts/stream", "hits", List.of("hit-2"), "prevention", null, "allowed 200",
                List.of("national-police"), "");

        AuditRecord stored = store.append(entry);
        AuditRecord storedSparse = store.append(sparse);
        AuditRecord storedSingle = store.append(single);

        assertThat(stored.entry().at()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(store.search(AuditQuery.all(0, 10))).containsExactly(stored, storedSparse, storedSingle);
        assertThat(stored.entry()).usingRecursiveComparison().ignoringFields("at").isEqualTo(entry);
        assertThat(storedSparse.entry()).isEqualTo(sparse);
        assertThat(storedSingle.entry()).isEqualTo(single);
    }

    @Test
    void anEntryTheDatabaseRefusesIsNotStoredAndSaysSo() {
        append(store, 1, 2);
        AuditEntry tooLong = new AuditEntry(T0, "x".repeat(300), null, "GET /api/v1/alerts", null, null, null, null,
                "allowed 200", null, null);

        assertThatThrownBy(() -> store.append(tooLong)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not stored");
        assertThat(store.lastSequence()).isEqualTo(2);
        assertThat(store.append(entry(3)).sequence()).isEqualTo(3);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void anAppendInAnOpenTransactionIsStoredByItsCommitOrNotAtAll() {
        append(store, 1, 1);

        AuditRecord kept = database.transaction("store something and its record", connection -> {
            AuditRecord second = store.appendInTransaction(entry(2)).orElseThrow();
            AuditRecord third = store.appendInTransaction(entry(3)).orElseThrow();
            assertThat(third.previousHash()).isEqualTo(second.hash());
            return third;
        });
        assertThatThrownBy(() -> database.transaction("store something that fails", connection -> {
            store.appendInTransaction(entry(4));
            throw new IllegalStateException("the alert could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(kept.sequence()).isEqualTo(3);
        assertThat(store.lastSequence()).isEqualTo(3);
        assertThat(store.append(entry(4)).previousHash()).isEqualTo(kept.hash());
        assertThat(store.verify().findings()).isEmpty();
    }

    @Test
    void anAppendInTransactionAppendsNothingWhileAnotherTransactionHoldsTheHead() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<AuditRecord> first = other.submit(() -> database.transaction("append and hold the head",
                    connection -> {
                        AuditRecord record = store.appendInTransaction(entry(1)).orElseThrow();
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                        return record;
                    }));
            holding.await();

            Optional<AuditRecord> whileHeld = database.transaction("store alerts",
                    connection -> store.appendInTransaction(entry(2)));
            assertThat(whileHeld).isEmpty();
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).sequence()).isEqualTo(1);
            AuditRecord second = database.transaction("store alerts",
                    connection -> store.appendInTransaction(entry(2))).orElseThrow();

            assertThat(second.sequence()).isEqualTo(2);
            assertThat(store.verify().findings()).isEmpty();
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void anAppendInTransactionNeedsOneOpenOnItsThread() {
        assertThatThrownBy(() -> store.appendInTransaction(entry(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transaction");
        assertThat(store.lastSequence()).isZero();
    }

    @Test
    void appendsFromManyThreadsUrgentOrNotGiveOneContiguousIntactChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<AuditRecord>>> appended = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appended.add(pool.submit(() -> {
                    start.await();
                    List<AuditRecord> records = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        // a third of the threads disclose live alerts: their records go ahead of the others'
                        AuditEntry entry = entry(thread * each + i);
                        records.add(switch (thread % 3) {
                            case 0 -> store.append(entry);
                            case 1 -> store.appendUrgent(entry);
                            // a third store alerts and record their disclosure in the same transaction,
                            // or, when another is appending, urgently
                            default -> database.transaction("store alerts", connection ->
                                    store.appendInTransaction(entry)).orElseGet(() -> store.appendUrgent(entry));
                        });
                    }
                    return records;
                }));
            }
            start.countDown();
            List<Long> sequences = new ArrayList<>();
            for (Future<List<AuditRecord>> records : appended) {
                records.get(60, TimeUnit.SECONDS).forEach(record -> sequences.add(record.sequence()));
            }

            assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, threads * each).boxed().toList());
            AuditVerification verification = store.verify();
            assertThat(verification.findings()).isEmpty();
            assertThat(verification.records()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sealsTheLastRecordOnceUntilMoreAreAppended() throws Exception {
        assertThat(store.seal()).isEmpty();
        List<AuditRecord> records = append(store, 1, 3);

        AuditSeal first = store.seal().orElseThrow();

        assertThat(first.sequence()).isEqualTo(3);
        assertThat(first.hash()).isEqualTo(records.get(2).hash());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-21T12:00:00.654321Z"));
        assertThat(first.algorithm()).isEqualTo("Ed25519");
        assertThat(SealKey.verifies(SealKey.publicKey(store.publicKey()),
                AuditChain.sealMessage(3, first.hash(), first.at()), first.signature())).isTrue();
        assertThat(store.seal()).isEmpty();

        store.append(entry(4));
        AuditSeal second = store.seal().orElseThrow();

        assertThat(second.sequence()).isEqualTo(4);
        assertThat(store.seals()).containsExactly(first, second);
    }

    @Test
    void searchesByEachCriterion() {
        List<AuditRecord> records = append(store, 1, 12);

        assertThat(search(new AuditQuery("local-police", null, null, null, null, null, null, null, null, 0, 50)))
                .containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(search(new AuditQuery(null, "agente-1", null, null, null, null, null, null, null, 0, 50)))
                .containsExactly(1L, 4L, 7L, 10L);
        assertThat(search(new AuditQuery(null, null, "hotlist", null, null, null, null, null, null, 0, 50)))
                .containsExactly(5L, 10L);
        assertThat(search(new AuditQuery(null, null, null, "1234BC3", null, null, null, null, null, 0, 50)))
                .containsExactly(3L);
        assertThat(search(new AuditQuery(null, null, null, "hit-11", null, null, null, null, null, 0, 50)))
                .containsExactly(11L);
        assertThat(search(new AuditQuery(null, null, null, null, "investigation", null, null, null, null, 0, 50)))
                .hasSize(12);
        assertThat(search(new AuditQuery(null, null, null, null, "prevention", null, null, null, null, 0, 50)))
                .isEmpty();
        assertThat(search(new AuditQuery(null, null, null, null, null, "ATL-2026-2", null, null, null, 0, 50)))
                .containsExactly(2L, 6L, 10L);
        assertThat(search(new AuditQuery(null, null, null, null, null, null, "denied", null, null, 0, 50)))
                .containsExactly(4L, 8L, 12L);
        assertThat(search(new AuditQuery(null, null, null, null, null, null, null, records.get(9).entry().at(),
                null, 0, 50))).containsExactly(10L, 11L, 12L);
        assertThat(search(new AuditQuery(null, null, null, null, null, null, null, null,
                records.get(2).entry().at(), 0, 50))).containsExactly(1L, 2L);
    }

    @Test
    void criteriaCombine() {
        append(store, 1, 12);

        // local police: 2 4 6 8 10 12; agente-1: 1 4 7 10; both: 4 10; 10 is the hotlist
        assertThat(search(new AuditQuery("local-police", "agente-1", null, null, null, null, null, null, null, 0, 50)))
                .containsExactly(4L, 10L);
        assertThat(search(new AuditQuery("local-police", "agente-1", "hits", null, null, null, null, null, null, 0,
                50))).containsExactly(4L);
        assertThat(search(new AuditQuery("local-police", "agente-1", "hits", null, null, null, "allowed", null, null,
                0, 50))).isEmpty();
    }

    @Test
    void anOutcomeIsAPrefixWhoseWildcardsAreTakenLiterally() {
        store.append(new AuditEntry(T0, "a", null, "GET /x", null, null, null, null, "denied 403", null, null));
        store.append(new AuditEntry(T0, "a", null, "GET /x", null, null, null, null, "den%al_1", null, null));

        assertThat(search(new AuditQuery(null, null, null, null, null, null, "denied", null, null, 0, 50)))
                .containsExactly(1L);
        assertThat(search(new AuditQuery(null, null, null, null, null, null, "den%", null, null, 0, 50)))
                .containsExactly(2L);
        assertThat(search(new AuditQuery(null, null, null, null, null, null, "den_", null, null, 0, 50))).isEmpty();
    }

    @Test
    void searchesPageOldestFirstAfterANumber() {
        append(store, 1, 12);

        assertThat(search(AuditQuery.all(0, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(search(AuditQuery.all(5, 5))).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(search(AuditQuery.all(10, 5))).containsExactly(11L, 12L);
        assertThat(search(new AuditQuery("local-police", null, null, null, null, null, null, null, null, 4, 2)))
                .containsExactly(6L, 8L);
    }

    @Test
    void exportsEveryMatchingRecordAPageAtATime() {
        List<AuditRecord> records = append(store, 1, 23);
        List<AuditRecord> all = new ArrayList<>();
        List<AuditRecord> denied = new ArrayList<>();

        store.export(AuditQuery.all(0, 5), all::add);
        store.export(new AuditQuery(null, null, null, null, null, null, "denied", null, null, 0, 2), denied::add);

        assertThat(all).containsExactlyElementsOf(records);
        assertThat(denied).extracting(AuditRecord::sequence).containsExactly(4L, 8L, 12L, 16L, 20L);
    }

    private List<Long> search(AuditQuery query) {
        return store.search(query).stream().map(AuditRecord::sequence).toList();
    }
}
