package org.atalaya.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.store.jdbc.Database;

/**
 * Entries to append, and an attacker with write access to the tables: plain SQL on the rows,
 * and the public hash algorithm to recompute what it changed.
 */
final class AuditFixtures {

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private AuditFixtures() {
    }

    /** The n-th of a varied series of consultations; its time has nanoseconds the log drops. */
    static AuditEntry entry(int n) {
        String agency = n % 2 == 0 ? "local-police" : "national-police";
        return new AuditEntry(T0.plusSeconds(n).plusNanos(123_456_789), agency, "agente-" + (n % 3),
                n % 5 == 0 ? "GET /api/v1/hotlist" : "GET /api/v1/alerts", n % 5 == 0 ? "hotlist" : "hits",
                List.of("hit-" + n, "1234BC" + (n % 10)), "investigation", "ATL-2026-" + (n % 4),
                n % 4 == 0 ? "denied 403" : "allowed 200", List.of(agency), n % 4 == 0 ? "no right to hits" : null);
    }

    static List<AuditRecord> append(AuditStore store, int from, int to) {
        List<AuditRecord> records = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            records.add(store.append(entry(n)));
        }
        return records;
    }

    /** The tables as someone with the database's password sees them. */
    static final class Attacker {

        private final DataSource dataSource;
        private final AuditStore store;

        Attacker(DataSource dataSource, AuditStore store) {
            this.dataSource = dataSource;
            this.store = store;
        }

        int sql(String sql, Object... values) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        }

        /** Renumbers record {@code from} as {@code to} (its subjects and recipients follow). */
        void renumber(long from, long to) throws SQLException {
            sql("UPDATE audit_record SET sequence = ? WHERE sequence = ?", to, from);
        }

        /** Gives records {@code a} and {@code b} each other's numbers. */
        void swapNumbers(long a, long b) throws SQLException {
            renumber(a, -1);
            renumber(b, a);
            renumber(-1, b);
        }

        /** Swaps what records {@code a} and {@code b} say, each keeping its number and hashes. */
        void swapEntries(long a, long b) throws SQLException {
            AuditEntry first = record(a).entry();
            AuditEntry second = record(b).entry();
            write(a, second);
            write(b, first);
        }

        /** Rewrites what record {@code sequence} says, leaving its hashes. */
        void write(long sequence, AuditEntry entry) throws SQLException {
            sql("UPDATE audit_record SET occurred_at = ?, agency = ?, person = ?, action = ?, data_class = ?,"
                    + " purpose = ?, case_reference = ?, outcome = ?, detail = ? WHERE sequence = ?",
                    Database.timestamp(entry.at()), entry.agency(), entry.person(),
                    entry.action(), entry.dataClass(), entry.purpose(), entry.caseReference(), entry.outcome(),
                    entry.detail(), sequence);
            sql("DELETE FROM audit_subject WHERE sequence = ?", sequence);
            sql("DELETE FROM audit_recipient WHERE sequence = ?", sequence);
            for (int i = 0; i < entry.subjects().size(); i++) {
                sql("INSERT INTO audit_subject (sequence, item, subject) VALUES (?,?,?)", sequence, i,
                        entry.subjects().get(i));
            }
            for (int i = 0; i < entry.recipients().size(); i++) {
                sql("INSERT INTO audit_recipient (sequence, item, recipient) VALUES (?,?,?)", sequence, i,
                        entry.recipients().get(i));
            }
        }

        /**
         * Recomputes, with the public algorithm, the hashes of records {@code from} to
         * {@code to} (each chained to the one before as stored), and points the head at the
         * last when {@code head}.
         */
        void rechain(long from, long to, boolean head) throws SQLException {
            String previous = from == 1 ? AuditChain.GENESIS : record(from - 1).hash();
            for (long sequence = from; sequence <= to; sequence++) {
                String hash = AuditChain.hash(previous, sequence, record(sequence).entry());
                sql("UPDATE audit_record SET previous_hash = ?, hash = ? WHERE sequence = ?", previous, hash, sequence);
                previous = hash;
            }
            if (head) {
                sql("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1", to, previous);
            }
        }

        /** Record {@code sequence} as stored. */
        AuditRecord record(long sequence) {
            List<AuditRecord> found = store.search(AuditQuery.all(sequence - 1, 1));
            if (found.isEmpty() || found.get(0).sequence() != sequence) {
                throw new IllegalArgumentException("no record " + sequence);
            }
            return found.get(0);
        }

        String string(String sql, Object... values) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        }
    }
}
