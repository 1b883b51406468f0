package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;
import org.junit.jupiter.api.Test;

class AuditTextTest {

    private static final AuditRecord RECORD = new AuditRecord(17, new AuditEntry(
            Instant.parse("2026-11-21T10:15:30.123456Z"), "local-police", "agente-17", "GET /api/v1/alerts", "hits",
            List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200", List.of("local-police"),
            null), "00".repeat(32), "ab".repeat(32));

    @Test
    void aRecordRowShowsEveryColumnInOrder() {
        assertThat(AuditText.recordRow(RECORD)).hasSameSizeAs(AuditText.RECORD_COLUMNS).containsExactly("17",
                "2026-11-21T10:15:30Z", "local-police", "agente-17", "GET /api/v1/alerts", "hits", "hit-1, 1234BCD",
                "investigation", "ATL-2026-117", "allowed 200", "local-police");
    }

    @Test
    void whatARecordDoesNotSayIsADash() {
        AuditRecord sparse = new AuditRecord(1, new AuditEntry(Instant.parse("2026-11-21T10:00:00Z"), null, null,
                "GET /api/v1/alerts", null, null, null, null, "denied 401", null, null), "00".repeat(32), "ab");

        assertThat(AuditText.recordRow(sparse)).containsExactly("1", "2026-11-21T10:00:00Z", "-", "-",
                "GET /api/v1/alerts", "-", "-", "-", "-", "denied 401", "-");
    }

    @Test
    void anIntactLogIsOneLineWithItsCounts() {
        assertThat(AuditText.intact(new AuditVerification(1_250_000, 4166, List.of())))
                .isEqualTo("intact: 1,250,000 records, 4,166 seals");
    }

    @Test
    void aBrokenLogListsEachFindingThenCountsThem() {
        Finding removed = new Finding(5, Kind.REMOVED, "record 5 is missing: removed from the log");
        AuditVerification broken = new AuditVerification(11, 1, List.of(removed));

        assertThat(AuditText.findingRow(removed)).containsExactly("5", "REMOVED",
                "record 5 is missing: removed from the log");
        assertThat(AuditText.broken(broken)).isEqualTo("the audit log is broken: 1 finding in 11 records and 1 seals");
    }
}
