package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.atalaya.audit.internal.AuditFixtures.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;
import org.junit.jupiter.api.Test;

/** The walk itself, over a log held in memory: long logs, page boundaries, many breaks. */
class AuditVerifierTest {

    private final SealKey key = SealKey.generate();

    @Test
    void aLongLogIsReadAPageAtATime() {
        MemoryLog log = MemoryLog.of(2 * AuditVerifier.PAGE + 500, key, AuditVerifier.PAGE);

        AuditVerification verification = new AuditVerifier(log, key).verify();

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.records()).isEqualTo(2500);
        assertThat(verification.seals()).isEqualTo(2);
        assertThat(log.largestPage).isEqualTo(AuditVerifier.PAGE);
        assertThat(log.pagesRead.get()).isEqualTo(3);
    }

    @Test
    void breaksAcrossAPageBoundaryAreFoundOnce() {
        MemoryLog log = MemoryLog.of(2500, key, 0);
        log.swap(AuditVerifier.PAGE, AuditVerifier.PAGE + 1);
        log.records.remove(2L * AuditVerifier.PAGE);
        log.records.remove(2L * AuditVerifier.PAGE + 1);

        assertThat(new AuditVerifier(log, key).verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(
                        tuple(1000L, Kind.REORDERED),
                        tuple(1001L, Kind.REORDERED),
                        tuple(2000L, Kind.REMOVED));
    }

    @Test
    void aLogRewrittenThroughoutIsOneFinding() {
        MemoryLog log = MemoryLog.of(2500, key, 0);
        for (long n = 1; n <= 2500; n++) {
            AuditRecord record = log.records.get(n);
            log.records.put(n, new AuditRecord(n, entry(0), record.previousHash(), record.hash()));
        }

        List<Finding> findings = new AuditVerifier(log, key).verify().findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.ALTERED);
            assertThat(finding.sequence()).isEqualTo(1);
            assertThat(finding.detail()).contains("records 1 to 2500");
        });
    }

    @Test
    void tooManyBreaksAreCountedNotListed() {
        MemoryLog log = MemoryLog.of(2 * AuditVerifier.MAX_FINDINGS + 10, key, 0);
        for (long n = 2; n <= 2L * AuditVerifier.MAX_FINDINGS + 10; n += 2) {
            log.records.remove(n);
        }

        List<Finding> findings = new AuditVerifier(log, key).verify().findings();

        assertThat(findings).hasSize(AuditVerifier.MAX_FINDINGS).allMatch(finding -> finding.kind() == Kind.REMOVED);
        assertThat(findings.get(findings.size() - 1).detail()).contains("and 5 more breaks, not listed");
    }

    /** A log in memory, built by the same chain the store appends with. */
    static final class MemoryLog implements AuditVerifier.Log {

        final TreeMap<Long, AuditRecord> records = new TreeMap<>();
        final TreeMap<Long, AuditVerifier.StoredSeal> seals = new TreeMap<>();
        final AtomicInteger pagesRead = new AtomicInteger();
        int largestPage;
        AuditVerifier.Head head;

        /** {@code size} records, sealed every {@code sealEvery} (never when 0). */
        static MemoryLog of(int size, SealKey key, int sealEvery) {
            MemoryLog log = new MemoryLog();
            String previous = AuditChain.GENESIS;
            for (long n = 1; n <= size; n++) {
                String hash = AuditChain.hash(previous, n, entry((int) n));
                log.records.put(n, new AuditRecord(n, entry((int) n), previous, hash));
                if (sealEvery > 0 && n % sealEvery == 0) {
                    AuditSeal seal = new AuditSeal(n, hash, AuditFixtures.T0, SealKey.ALGORITHM,
                            key.sign(AuditChain.sealMessage(n, hash, AuditFixtures.T0)));
                    log.seals.put(n, new AuditVerifier.StoredSeal(seal, key.id()));
                }
                previous = hash;
            }
            log.head = new AuditVerifier.Head(size, previous);
            return log;
        }

        void swap(long a, long b) {
            AuditRecord first = records.get(a);
            AuditRecord second = records.get(b);
            records.put(a, new AuditRecord(a, second.entry(), second.previousHash(), second.hash()));
            records.put(b, new AuditRecord(b, first.entry(), first.previousHash(), first.hash()));
        }

        @Override
        public AuditVerifier.Head head() {
            return head;
        }

        @Override
        public List<AuditRecord> records(long after, long upTo, int limit) {
            pagesRead.incrementAndGet();
            List<AuditRecord> page = records.subMap(after, false, upTo, true).values().stream().limit(limit).toList();
            largestPage = Math.max(largestPage, page.size());
            return page;
        }

        @Override
        public List<AuditRecord> withHash(String hash) {
            List<AuditRecord> found = new ArrayList<>();
            for (AuditRecord record : records.values()) {
                if (record.hash().equals(hash)) {
                    found.add(record);
                }
            }
            return found;
        }

        @Override
        public List<AuditVerifier.StoredSeal> seals(long after, long upTo, int limit) {
            return seals.subMap(after, false, upTo, true).values().stream().limit(limit).toList();
        }

        @Override
        public long lastSealed() {
            return seals.isEmpty() ? 0 : seals.lastKey();
        }

        @Override
        public AuditVerifier.Extent extent() {
            return records.isEmpty() ? null : new AuditVerifier.Extent(records.firstKey(), records.lastKey());
        }
    }
}
