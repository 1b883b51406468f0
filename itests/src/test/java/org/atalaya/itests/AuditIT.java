package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;
import org.atalaya.store.jdbc.Database;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/**
 * The audit log in the distribution's own database: whoever alters, deletes or reorders one
 * record with plain SQL is found out, at that record, by {@code atalaya:audit-verify}. Each
 * test puts the record back as it was, and the log verifies intact again.
 */
public class AuditIT extends AtalayaTestSupport {

    @Inject
    private AuditLog audit;

    @Inject
    @Filter(timeout = 60_000)
    private Database database;

    private final List<AuditRecord> written = new ArrayList<>();

    /** Five records of consultations; the middle ones are tampered with. */
    @Before
    public void writeRecords() {
        assertIntact();
        for (int i = 0; i < 5; i++) {
            written.add(audit.append(new AuditEntry(Instant.now(), LOCAL_POLICE, "agent-0417", "GET /api/v1/alerts",
                    "hits", List.of(), "investigation", "DP-CEUTA-2026-" + i, "allowed 200", List.of(), null)));
        }
    }

    @Test
    public void anAlteredRecordIsFoundWhereItWasAltered() {
        long sequence = written.get(2).sequence();
        setPurpose(sequence, "prevention");
        try {
            assertFinding(Kind.ALTERED, sequence);
            String printed = verifyCommand();
            assertTrue(printed, printed.contains(Long.toString(sequence)) && printed.contains("ALTERED")
                    && printed.contains("Error: "));
        } finally {
            setPurpose(sequence, "investigation");
        }
        assertIntact();
    }

    @Test
    public void aDeletedRecordIsFoundMissing() {
        long sequence = written.get(2).sequence();
        Map<String, Object> row = deleteRecord(sequence);
        try {
            assertFinding(Kind.REMOVED, sequence);
        } finally {
            insertRecord(row);
        }
        assertIntact();
    }

    @Test
    public void swappedRecordsAreFoundOutOfOrder() {
        long first = written.get(1).sequence();
        long second = written.get(2).sequence();
        swap(first, second);
        try {
            AuditVerification verification = audit.verify();
            assertTrue(verification.findings().toString(), verification.findings().stream()
                    .anyMatch(finding -> finding.kind() == Kind.REORDERED
                            && (finding.sequence() == first || finding.sequence() == second)));
        } finally {
            swap(first, second);
        }
        assertIntact();
    }

    private void assertFinding(Kind kind, long sequence) {
        AuditVerification verification = audit.verify();
        List<Finding> findings = verification.findings();
        assertTrue(kind + " at " + sequence + ": " + findings, findings.stream()
                .anyMatch(finding -> finding.kind() == kind && finding.sequence() == sequence));
    }

    private void assertIntact() {
        AuditVerification verification = audit.verify();
        assertEquals("the log is intact", List.of(), verification.findings());
    }

    /** What {@code atalaya:audit-verify} prints, and the error it ends with. */
    private String verifyCommand() {
        return executeFailingCommand("atalaya:audit-verify");
    }

    private void setPurpose(long sequence, String purpose) {
        database.transaction("alter audit record", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_record SET purpose = ? WHERE sequence = ?")) {
                update.setString(1, purpose);
                update.setLong(2, sequence);
                return update.executeUpdate();
            }
        });
    }

    private Map<String, Object> deleteRecord(long sequence) {
        return database.transaction("delete audit record", connection -> {
            Map<String, Object> row = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM audit_record WHERE sequence = ?")) {
                select.setLong(1, sequence);
                try (ResultSet result = select.executeQuery()) {
                    assertTrue(result.next());
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnName(column), result.getObject(column));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM audit_record WHERE sequence = ?")) {
                delete.setLong(1, sequence);
                assertEquals(1, delete.executeUpdate());
            }
            return row;
        });
    }

    private void insertRecord(Map<String, Object> row) {
        database.transaction("restore audit record", connection -> {
            String columns = String.join(", ", row.keySet());
            String values = String.join(", ", row.keySet().stream().map(column -> "?").toList());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_record (" + columns + ") VALUES (" + values + ")")) {
                int index = 1;
                for (Object value : row.values()) {
                    insert.setObject(index++, value);
                }
                return insert.executeUpdate();
            }
        });
    }

    private void swap(long first, long second) {
        database.transaction("swap audit records", connection -> {
            renumber(connection, first, -1);
            renumber(connection, second, first);
            renumber(connection, -1, second);
            return null;
        });
    }

    private static void renumber(java.sql.Connection connection, long from, long to) throws java.sql.SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_record SET sequence = ? WHERE sequence = ?")) {
            update.setLong(1, to);
            update.setLong(2, from);
            assertEquals(1, update.executeUpdate());
        }
    }
}
