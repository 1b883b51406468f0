package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.atalaya.audit.internal.AuditFixtures.append;
import static org.atalaya.audit.internal.AuditFixtures.entry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;
import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The log's rows tampered with through plain SQL, and each break found where it is. */
class AuditVerificationTest extends DatabaseTestSupport {

    private SealKey key;
    private AuditStore store;
    private AuditFixtures.Attacker attacker;

    @BeforeEach
    void openLog() {
        key = SealKey.generate();
        store = new AuditStore(database, key, Clock.systemUTC());
        attacker = new AuditFixtures.Attacker(dataSource, store);
    }

    @Test
    void anUntouchedLogVerifiesIntact() {
        append(store, 1, 10);
        store.seal();
        append(store, 11, 25);
        store.seal();
        append(store, 26, 27);

        AuditVerification verification = store.verify();

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(27);
        assertThat(verification.seals()).isEqualTo(2);
    }

    @Test
    void anEmptyLogVerifiesIntact() {
        AuditVerification verification = store.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isZero();
        assertThat(verification.seals()).isZero();
    }

    static Stream<Arguments> alterations() {
        OffsetDateTime earlier = OffsetDateTime.of(2026, 11, 21, 9, 0, 0, 0, ZoneOffset.UTC);
        return Stream.of(
                Arguments.of("the person", "UPDATE audit_record SET person = 'someone-else' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the agency", "UPDATE audit_record SET agency = 'fire-brigade' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the action", "UPDATE audit_record SET action = 'GET /api/v1/cameras' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the data class", "UPDATE audit_record SET data_class = 'fire' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the purpose", "UPDATE audit_record SET purpose = NULL WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the case", "UPDATE audit_record SET case_reference = 'ATL-1' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the outcome", "UPDATE audit_record SET outcome = 'denied 403' WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("the detail", "UPDATE audit_record SET detail = '' WHERE sequence = 7", new Object[0]),
                Arguments.of("the time", "UPDATE audit_record SET occurred_at = ? WHERE sequence = 7",
                        new Object[] {earlier}),
                Arguments.of("a subject", "UPDATE audit_subject SET subject = '9999XYZ' WHERE sequence = 7 AND item = 1",
                        new Object[0]),
                Arguments.of("a subject removed", "DELETE FROM audit_subject WHERE sequence = 7 AND item = 0",
                        new Object[0]),
                Arguments.of("a recipient added",
                        "INSERT INTO audit_recipient (sequence, item, recipient) VALUES (7, 1, 'customs')",
                        new Object[0]),
                Arguments.of("the previous hash", "UPDATE audit_record SET previous_hash = hash WHERE sequence = 7",
                        new Object[0]),
                Arguments.of("its hash", "UPDATE audit_record SET hash = previous_hash WHERE sequence = 7",
                        new Object[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void aRecordWithOneThingChangedIsFoundAlteredWhereItIs(String what, String sql, Object[] values)
            throws Exception {
        append(store, 1, 6);
        store.seal();
        append(store, 7, 12);
        store.seal();

        assertThat(attacker.sql(sql, values)).isEqualTo(1);

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(7L, Kind.ALTERED));
    }

    @Test
    void consecutiveAlteredRecordsAreOneFindingWithTheirRange() throws Exception {
        append(store, 1, 12);

        attacker.sql("UPDATE audit_record SET purpose = 'curiosity' WHERE sequence BETWEEN 4 AND 8");

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(4L, Kind.ALTERED));
        assertThat(findings.get(0).detail()).contains("records 4 to 8");
    }

    @Test
    void aRecordRemovedFromTheMiddleIsFoundMissingAtItsNumber() throws Exception {
        append(store, 1, 12);
        store.seal();

        attacker.sql("DELETE FROM audit_record WHERE sequence = 5");

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(5L, Kind.REMOVED));
        assertThat(findings.get(0).detail()).contains("record 5 is missing");
    }

    @Test
    void severalRecordsRemovedTogetherAreOneFindingWithTheirRange() throws Exception {
        append(store, 1, 12);

        attacker.sql("DELETE FROM audit_record WHERE sequence BETWEEN 1 AND 3");
        attacker.sql("DELETE FROM audit_record WHERE sequence BETWEEN 6 AND 8");

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(1L, Kind.REMOVED),
                tuple(6L, Kind.REMOVED));
        assertThat(findings.get(1).detail()).contains("records 6 to 8 are missing");
    }

    @Test
    void recordsRemovedFromTheEndAreFoundFromTheHead() throws Exception {
        append(store, 1, 12);

        attacker.sql("DELETE FROM audit_record WHERE sequence > 10");

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(11L, Kind.REMOVED));
        assertThat(findings.get(0).detail()).contains("records 11 to 12 are missing").contains("head");
    }

    @Test
    void recordsRemovedFromTheEndWithTheHeadSetBackAreFoundFromTheLastSeal() throws Exception {
        append(store, 1, 12);
        store.seal();
        String hashOf9 = attacker.record(9).hash();

        attacker.sql("DELETE FROM audit_record WHERE sequence > 9");
        attacker.sql("UPDATE audit_head SET sequence = 9, hash = ? WHERE id = 1", hashOf9);

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(10L, Kind.REMOVED));
        assertThat(findings.get(0).detail()).contains("records 10 to 12 are missing").contains("last seal");
    }

    @Test
    void twoNeighboursWhoseNumbersWereSwappedAreFoundReorderedEach() throws Exception {
        append(store, 1, 12);
        store.seal();

        attacker.swapNumbers(5, 6);

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(5L, Kind.REORDERED),
                tuple(6L, Kind.REORDERED));
        assertThat(findings.get(0).detail()).contains("record 5 holds what the chain puts at record 6");
        assertThat(findings.get(1).detail()).contains("record 6 holds what the chain puts at record 5");
    }

    @Test
    void twoDistantRecordsWhoseNumbersWereSwappedAreFoundReorderedEach() throws Exception {
        append(store, 1, 12);
        store.seal();

        attacker.swapNumbers(3, 12);

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(3L, Kind.REORDERED),
                tuple(12L, Kind.REORDERED));
    }

    @Test
    void entriesMovedBetweenRecordsThatKeptTheirHashesAreFoundReordered() throws Exception {
        append(store, 1, 12);

        attacker.swapEntries(3, 8);

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(3L, Kind.REORDERED),
                tuple(8L, Kind.REORDERED));
        assertThat(findings.get(0).detail()).contains("record 3 holds what the chain puts at record 8");
    }

    @Test
    void recordsMovedTogetherAreOneFindingPerBlock() throws Exception {
        append(store, 1, 12);
        // records 3 to 5 moved to the end: 6 to 12 become 3 to 9, and 3 to 5 become 10 to 12
        for (long n = 3; n <= 5; n++) {
            attacker.renumber(n, -n);
        }
        for (long n = 6; n <= 12; n++) {
            attacker.renumber(n, n - 3);
        }
        for (long n = 3; n <= 5; n++) {
            attacker.renumber(-n, n + 7);
        }

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(3L, Kind.REORDERED),
                tuple(10L, Kind.REORDERED));
        assertThat(findings.get(0).detail()).contains("records 3 to 9 hold what the chain puts at records 6 to 12");
        assertThat(findings.get(1).detail()).contains("records 10 to 12 hold what the chain puts at records 3 to 5");
    }

    @Test
    void anAlteredRecordWithEveryLaterHashRecomputedIsCaughtByTheFirstSealAfterIt() throws Exception {
        append(store, 1, 10);
        store.seal();
        append(store, 11, 20);
        AuditSeal second = store.seal().orElseThrow();
        append(store, 21, 30);
        store.seal();
        append(store, 31, 33);

        attacker.sql("UPDATE audit_record SET person = 'someone-else' WHERE sequence = 14");
        attacker.rechain(14, 33, true);

        AuditVerification verification = store.verify();
        assertThat(verification.findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(20L, Kind.SEAL_MISMATCH));
        assertThat(verification.findings().get(0).detail()).contains("records 11 to 20")
                .contains("signed " + second.at()).contains("the 1 seals after it no longer match either");
        // without its seals, the rewritten chain holds together: only the seals tell
        attacker.sql("DELETE FROM audit_seal");
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aRecordRewrittenWithItsOwnHashRecomputedBreaksTheLinkOfTheNext() throws Exception {
        append(store, 1, 12);

        attacker.sql("UPDATE audit_record SET outcome = 'allowed 200' WHERE sequence = 8");
        attacker.rechain(8, 8, false);

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(8L, Kind.BROKEN_LINK));
    }

    @Test
    void theLastRecordRewrittenWithItsHashRecomputedNoLongerMatchesTheHead() throws Exception {
        append(store, 1, 12);

        attacker.sql("UPDATE audit_record SET outcome = 'allowed 200' WHERE sequence = 12");
        attacker.rechain(12, 12, false);

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(12L, Kind.BROKEN_LINK));
        assertThat(findings.get(0).detail()).contains("head");
    }

    @Test
    void aSealWithAForgedSignatureIsFound() throws Exception {
        append(store, 1, 5);
        AuditSeal first = store.seal().orElseThrow();
        append(store, 6, 10);
        store.seal();
        SealKey forger = SealKey.generate();

        attacker.sql("UPDATE audit_seal SET signature = ? WHERE sequence = 5",
                forger.sign(AuditChain.sealMessage(5, first.hash(), first.at())));

        List<Finding> findings = store.verify().findings();
        assertThat(findings).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(5L, Kind.SEAL_MISMATCH));
        assertThat(findings.get(0).detail()).contains("signature");
    }

    @Test
    void aSealMadeWithAnotherKeySaysWhichKey() throws Exception {
        append(store, 1, 5);
        AuditSeal seal = store.seal().orElseThrow();
        SealKey forger = SealKey.generate();

        attacker.sql("UPDATE audit_seal SET signature = ?, key_id = ? WHERE sequence = 5",
                forger.sign(AuditChain.sealMessage(5, seal.hash(), seal.at())), forger.id());

        assertThat(store.verify().findings()).singleElement()
                .satisfies(finding -> assertThat(finding.detail()).contains("another key").contains(forger.id()));
    }

    @Test
    void aSealWhoseTimeOrHashWasChangedNoLongerVerifies() throws Exception {
        append(store, 1, 5);
        store.seal();
        append(store, 6, 10);
        store.seal();

        attacker.sql("UPDATE audit_seal SET sealed_at = ? WHERE sequence = 5",
                OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        attacker.sql("UPDATE audit_seal SET hash = ? WHERE sequence = 10", attacker.record(9).hash());

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(5L, Kind.SEAL_MISMATCH),
                tuple(10L, Kind.SEAL_MISMATCH));
    }

    @Test
    void recordsWrittenPastTheHeadAreFound() throws Exception {
        List<AuditRecord> records = append(store, 1, 5);
        AuditEntry forged = entry(6);
        String hash = AuditChain.hash(records.get(4).hash(), 6, forged);

        attacker.sql("INSERT INTO audit_record (sequence, occurred_at, agency, action, outcome, previous_hash, hash)"
                + " VALUES (6, ?, ?, ?, ?, ?, ?)", Database.timestamp(forged.at()),
                forged.agency(), forged.action(), forged.outcome(), records.get(4).hash(), hash);

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(6L, Kind.BROKEN_LINK));
    }

    @Test
    void withoutItsHeadTheLogIsReportedBrokenAndTakesNoMoreRecords() throws Exception {
        append(store, 1, 3);

        attacker.sql("DELETE FROM audit_head");

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(0L, Kind.BROKEN_LINK));
        assertThatThrownBy(() -> store.append(entry(4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("head");
    }

    @Test
    void separateBreaksAreEachFoundOnce() throws Exception {
        append(store, 1, 30);
        store.seal();

        attacker.sql("UPDATE audit_record SET person = 'x' WHERE sequence = 4");
        attacker.sql("DELETE FROM audit_record WHERE sequence = 10");
        attacker.swapNumbers(15, 16);
        attacker.sql("DELETE FROM audit_record WHERE sequence > 28");

        assertThat(store.verify().findings()).extracting(Finding::sequence, Finding::kind).containsExactly(
                tuple(4L, Kind.ALTERED),
                tuple(10L, Kind.REMOVED),
                tuple(15L, Kind.REORDERED),
                tuple(16L, Kind.REORDERED),
                tuple(29L, Kind.REMOVED));
    }
}
