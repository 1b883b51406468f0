package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.audit.internal.AuditFixtures.T0;
import static org.atalaya.audit.internal.AuditFixtures.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Appends committed together, as grouped transactions of the hub's database. Groups are made, not
 * hoped for: the test holds the lock a group commits under, as an append committing would, until
 * every caller has queued its entry.
 */
class AuditGroupCommitTest extends DatabaseTestSupport {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aLoneAppendIsCommittedAloneAtOnce() {
        AuditStore store = new AuditStore(database, SealKey.generate(), CLOCK);

        for (int n = 1; n <= 3; n++) {
            assertThat(store.append(entry(n)).sequence()).isEqualTo(n);
            assertThat(groupCommits()).isEqualTo(n);
        }
    }

    @Test
    void sixteenThreadsAppendingTwoHundredEachGetTheirOwnRecordsInOneGaplessIntactChain() throws Exception {
        AuditStore store = new AuditStore(database, SealKey.generate(), CLOCK);
        int threads = 16;
        int each = 200;
        List<Callable<List<AuditRecord>>> appends = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each + 1;
            appends.add(() -> {
                List<AuditRecord> records = new ArrayList<>();
                for (int n = first; n < first + each; n++) {
                    records.add(store.append(entry(n)));
                }
                return records;
            });
        }

        // each thread's first append waits in the queue, so the first group holds all sixteen
        List<Future<List<AuditRecord>>> appended = whileGroupHeld(appends, threads);
        List<AuditRecord> records = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<AuditRecord> own = appended.get(t).get(120, TimeUnit.SECONDS);
            for (int i = 0; i < each; i++) {
                assertThat(own.get(i).entry().subjects()).first().isEqualTo("hit-" + (t * each + i + 1));
            }
            records.addAll(own);
        }

        assertThat(records).extracting(AuditRecord::sequence).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, threads * each).boxed().toList());
        for (AuditRecord record : records) {
            assertThat(record.hash()).isEqualTo(AuditChain.hash(record.previousHash(), record.sequence(),
                    record.entry()));
        }
        AuditVerification verification = store.verify();
        assertThat(verification.findings()).isEmpty();
        assertThat(verification.records()).isEqualTo(threads * each);
        assertThat(groupCommits()).isLessThanOrEqualTo(threads * each - (threads - 1));
    }

    @Test
    void entriesQueuedWhileAnAppendCommitsAreCommittedTogetherInOneTransaction() throws Exception {
        AuditStore store = new AuditStore(database, SealKey.generate(), CLOCK);

        List<AuditRecord> records = results(whileGroupHeld(appends(store, 1, 10), 10));

        assertThat(groupCommits()).isEqualTo(1);
        assertThat(records).extracting(AuditRecord::sequence).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(store.lastSequence()).isEqualTo(10);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsItsOwnCallOnlyNotTheRestOfItsGroup() throws Exception {
        AuditStore store = new AuditStore(database, SealKey.generate(), CLOCK);
        store.append(entry(1));
        AuditEntry tooLong = refused();
        List<Callable<AuditRecord>> appends = new ArrayList<>(appends(store, 2, 4));
        appends.add(() -> store.append(tooLong));
        appends.addAll(appends(store, 5, 7));

        List<Future<AuditRecord>> appended = whileGroupHeld(appends, 7);

        assertThatThrownBy(() -> appended.get(3).get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                        "The audit record was not stored: ");
        List<AuditRecord> stored = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 4, 5, 6}) {
            stored.add(appended.get(i).get(60, TimeUnit.SECONDS));
        }
        assertThat(stored).extracting(AuditRecord::sequence).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(2, 7).boxed().toList());
        // the first append, then the group of seven, its refused entry rolled back alone
        assertThat(groupCommits()).isEqualTo(2);
        assertThat(store.lastSequence()).isEqualTo(7);
        assertThat(store.append(entry(8)).sequence()).isEqualTo(8);
        assertWhole(store, 8);
    }

    @Test
    void whenTheFirstEntryOfAGroupIsRefusedTheNextReadsTheHeadAgainAndTheChainStaysWhole() throws Exception {
        AuditStore store = new AuditStore(database, SealKey.generate(), CLOCK);
        store.append(entry(1));
        // refused after it read and locked the head: its savepoint's rollback takes both back
        AuditEntry tooLong = refused();
        List<Callable<AuditRecord>> appends = new ArrayList<>();
        appends.add(() -> store.append(tooLong));
        appends.addAll(appends(store, 2, 4));

        List<Future<AuditRecord>> appended = whileGroupHeld(appends, 4);

        assertThatThrownBy(() -> appended.get(0).get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(results(appended.subList(1, 4))).extracting(AuditRecord::sequence).containsExactly(2L, 3L, 4L);
        assertThat(groupCommits()).isEqualTo(2);
        // the head's row was written once, before the group's commit, where its last append left it
        assertThat(store.lastSequence()).isEqualTo(4);
        assertThat(store.append(entry(5)).sequence()).isEqualTo(5);
        assertWhole(store, 5);
    }

    /** An entry the database refuses: detail is VARCHAR(4000) in V3__audit.sql. */
    private static AuditEntry refused() {
        return new AuditEntry(T0, "local-police", "agente-1", "GET /api/v1/alerts", "hits", null, null, null,
                "denied 403", null, "x".repeat(4001));
    }

    private static void assertWhole(AuditStore store, int records) {
        AuditVerification verification = store.verify();
        assertThat(verification.findings()).isEmpty();
        assertThat(verification.records()).isEqualTo(records);
    }

    /** Appends of entries {@code from} to {@code to}, one per caller. */
    private static List<Callable<AuditRecord>> appends(AuditStore store, int from, int to) {
        return IntStream.rangeClosed(from, to).<Callable<AuditRecord>>mapToObj(n -> () -> store.append(entry(n)))
                .toList();
    }

    private static List<AuditRecord> results(List<Future<AuditRecord>> futures) throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (Future<AuditRecord> future : futures) {
            records.add(future.get(60, TimeUnit.SECONDS));
        }
        return records;
    }
}
