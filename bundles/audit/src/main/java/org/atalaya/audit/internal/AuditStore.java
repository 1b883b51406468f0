package org.atalaya.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.Database.Urgency;
import org.atalaya.store.jdbc.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log in the hub's database (tables {@code audit_head}, {@code audit_record},
 * {@code audit_subject}, {@code audit_recipient}, {@code audit_seal}; schema V3): appends chained
 * under the head's lock, seals signed with the hub's key, searches, and the verification walk.
 *
 * <p>Appends share their commits. Every call to an agency endpoint appends a record, and a
 * commit is what costs (the database writes its pages), so an append is a
 * {@linkplain Database#groupedTransaction grouped transaction}: the appends (and the hub's other
 * small writes) that arrive while one commits share the next transaction, each chained to the
 * record before it in that transaction. No append returns before the transaction holding its
 * record committed; an entry the database refuses fails its own append only.
 */
final class AuditStore implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditStore.class);
    private static final String COLUMNS = "sequence, occurred_at, agency, person, action, data_class, purpose,"
            + " case_reference, outcome, detail, previous_hash, hash";
    private static final String SEAL_COLUMNS = "sequence, hash, sealed_at, algorithm, key_id, signature";
    /** Record numbers per IN list when reading the subjects and recipients of a page. */
    private static final int IN_LIST = 500;
    /** Appends tried when the head's lock could not be had in time (H2's lock timeout, a deadlock). */
    private static final int APPEND_ATTEMPTS = 5;
    /** H2's lock timeout; serialization failure and deadlock; PostgreSQL's lock not available. */
    private static final Set<String> CONTENDED = Set.of("HYT00", "40001", "40P01", "55P03");

    private final Database database;
    private final SealKey key;
    private final Clock clock;

    AuditStore(Database database, SealKey key, Clock clock) {
        this.database = database;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        return append(entry, Urgency.ROUTINE);
    }

    /** Appends the entry in a group of urgent works, ahead of the routine ones ({@link Urgency}). */
    @Override
    public AuditRecord appendUrgent(AuditEntry entry) {
        return append(entry, Urgency.URGENT);
    }

    /**
     * Appends the entry in the transaction open on this thread, chained after its other appends;
     * nothing when the head is another transaction's now (read {@code FOR UPDATE SKIP LOCKED}, in
     * H2 and PostgreSQL alike).
     */
    @Override
    public Optional<AuditRecord> appendInTransaction(AuditEntry entry) {
        Connection connection = database.openTransaction().orElseThrow(() -> new IllegalStateException(
                "The audit record was not stored: no transaction of the hub's database is open on this thread"));
        try {
            AuditRecord record = append(connection, stored(entry), true);
            if (record == null) {
                LOG.debug("Audit log head held by another transaction: nothing appended in this one");
                return Optional.empty();
            }
            LOG.debug("Audit record {} appended in an open transaction", record.sequence());
            return Optional.of(record);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("The audit record was not stored: " + e.getMessage(), e);
        }
    }

    /** The entry as the database gives it back: its time to the microsecond. */
    private static AuditEntry stored(AuditEntry entry) {
        return new AuditEntry(Database.stored(entry.at()), entry.agency(), entry.person(), entry.action(),
                entry.dataClass(), entry.subjects(), entry.purpose(), entry.caseReference(), entry.outcome(),
                entry.recipients(), entry.detail());
    }

    private AuditRecord append(AuditEntry entry, Urgency urgency) {
        AuditEntry stored = stored(entry);
        for (int attempt = 1; ; attempt++) {
            try {
                AuditRecord record = database.groupedTransaction("append an audit record", urgency,
                        connection -> append(connection, stored));
                LOG.debug("Audit record {} appended", record.sequence());
                return record;
            } catch (StoreException e) {
                if (attempt == APPEND_ATTEMPTS || !contended(e)) {
                    throw new IllegalStateException("The audit record was not stored: " + e.getMessage(), e);
                }
                LOG.debug("Audit log head contended, append attempt {} of {}", attempt, APPEND_ATTEMPTS);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The audit record was not stored: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_record r WHERE sequence > ?");
        List<Object> values = new ArrayList<>();
        values.add(Math.max(0, query.afterSequence()));
        equal(sql, values, "agency", query.agency());
        equal(sql, values, "person", query.person());
        equal(sql, values, "data_class", query.dataClass());
        equal(sql, values, "purpose", query.purpose());
        equal(sql, values, "case_reference", query.caseReference());
        if (query.subject() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM audit_subject s WHERE s.sequence = r.sequence AND s.subject = ?)");
            values.add(query.subject());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome LIKE ? ESCAPE '!'");
            values.add(query.outcome().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (query.since() != null) {
            sql.append(" AND occurred_at >= ?");
            values.add(Database.timestamp(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < ?");
            values.add(Database.timestamp(query.until()));
        }
        sql.append(" ORDER BY sequence FETCH FIRST ? ROWS ONLY");
        values.add(query.limit());
        return database.run("search the audit log", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                return records(connection, statement);
            }
        });
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        AuditQuery page = query;
        while (true) {
            List<AuditRecord> records = search(page);
            records.forEach(sink);
            if (records.size() < page.limit()) {
                return;
            }
            page = new AuditQuery(query.agency(), query.person(), query.dataClass(), query.subject(), query.purpose(),
                    query.caseReference(), query.outcome(), query.since(), query.until(),
                    records.get(records.size() - 1).sequence(), query.limit());
        }
    }

    @Override
    public AuditVerification verify() {
        AuditVerification verification = new AuditVerifier(new Tables(), key).verify();
        if (verification.intact()) {
            LOG.info("Audit log verified intact: {} records, {} seals", verification.records(),
                    verification.seals());
        } else {
            AuditVerification.Finding first = verification.findings().get(0);
            LOG.warn("Audit log verification found {} breaks in {} records and {} seals; the first: {} at record {}",
                    verification.findings().size(), verification.records(), verification.seals(), first.kind(),
                    first.sequence());
        }
        return verification;
    }

    @Override
    public Optional<AuditSeal> seal() {
        Optional<AuditSeal> seal = database.transaction("seal the audit log", connection -> {
            // under the head's lock: the seal names the last record committed, and seals one at a time
            AuditVerifier.Head head = head(connection, true);
            if (head == null) {
                throw new IllegalStateException("The audit log's head (table audit_head) is missing");
            }
            if (head.sequence() == 0 || head.sequence() <= lastSealed(connection)) {
                return Optional.<AuditSeal>empty();
            }
            Instant at = Database.stored(clock.instant());
            byte[] message = AuditChain.sealMessage(head.sequence(), head.hash(), at);
            if (message == null) {
                throw new IllegalStateException("The audit log's head holds no hash; run atalaya:audit-verify");
            }
            AuditSeal sealed = new AuditSeal(head.sequence(), head.hash(), at, SealKey.ALGORITHM, key.sign(message));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_seal (" + SEAL_COLUMNS
                    + ") VALUES (?,?,?,?,?,?)")) {
                insert.setLong(1, sealed.sequence());
                insert.setString(2, sealed.hash());
                insert.setObject(3, Database.timestamp(sealed.at()));
                insert.setString(4, sealed.algorithm());
                insert.setString(5, key.id());
                insert.setString(6, sealed.signature());
                insert.executeUpdate();
            }
            return Optional.of(sealed);
        });
        seal.ifPresent(sealed -> LOG.debug("Audit log sealed up to record {}", sealed.sequence()));
        return seal;
    }

    @Override
    public List<AuditSeal> seals() {
        List<AuditSeal> seals = new ArrayList<>();
        for (AuditVerifier.StoredSeal seal : new Tables().seals(0, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            seals.add(seal.seal());
        }
        return seals;
    }

    @Override
    public String publicKey() {
        return key.publicKeyPem();
    }

    /** The number of the last record appended: 0 for an empty log. */
    long lastSequence() {
        return database.run("read the audit log's head", connection -> {
            AuditVerifier.Head head = head(connection, false);
            return head == null ? 0L : head.sequence();
        });
    }

    /**
     * Appends the entry, chained to the head, and moves the head past it.
     *
     * <p>The first append of a transaction reads the head and locks it until the commit; it then
     * keeps it for the appends after it in the same transaction (a group of them, {@link
     * Database#groupedTransaction}), and the head's row is written once, before the commit. An
     * append is then one insert, where reading and writing the head made it three statements:
     * on PostgreSQL, three round trips, under the lock every other append waits for.
     */
    private AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
        return append(connection, entry, false);
    }

    /** As {@link #append(Connection, AuditEntry)}; null, appending nothing, when {@code skipIfHeld} and another transaction holds the head. */
    private AuditRecord append(Connection connection, AuditEntry entry, boolean skipIfHeld) throws SQLException {
        HeadInTransaction kept = database.shared(connection, HeadInTransaction.class);
        AuditVerifier.Head head = kept != null ? kept.head : head(connection, true, skipIfHeld);
        if (head == null && skipIfHeld) {
            return null; // the head's row is always there: no row is a row locked by another transaction
        }
        if (head == null) {
            throw new IllegalStateException("The audit log's head (table audit_head) is missing");
        }
        long sequence = head.sequence() + 1;
        String previous = head.hash();
        String hash = AuditChain.hash(previous, sequence, entry);
        if (hash == null) {
            throw new IllegalStateException("The audit log's head holds no hash; run atalaya:audit-verify");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, sequence);
            insert.setObject(2, Database.timestamp(entry.at()));
            insert.setString(3, entry.agency());
            insert.setString(4, entry.person());
            insert.setString(5, entry.action());
            insert.setString(6, entry.dataClass());
            insert.setString(7, entry.purpose());
            insert.setString(8, entry.caseReference());
            insert.setString(9, entry.outcome());
            insert.setString(10, entry.detail());
            insert.setString(11, previous);
            insert.setString(12, hash);
            insert.executeUpdate();
        }
        // after the record: the subjects and recipients refer to it
        addItems(connection, "audit_subject (sequence, item, subject)", sequence, entry.subjects());
        addItems(connection, "audit_recipient (sequence, item, recipient)", sequence, entry.recipients());
        // kept only now, all of it stored: an append that failed, rolled back to its savepoint,
        // leaves the head as the appends before it left it (and the lock with the first of them)
        AuditVerifier.Head moved = new AuditVerifier.Head(sequence, hash);
        if (kept != null) {
            kept.head = moved;
        } else {
            database.share(connection, new HeadInTransaction(moved));
        }
        return new AuditRecord(sequence, entry, previous, hash);
    }

    /** The head as the transaction's appends moved it, written to its row before the commit. */
    private static final class HeadInTransaction implements Database.Shared {

        AuditVerifier.Head head;

        HeadInTransaction(AuditVerifier.Head head) {
            this.head = head;
        }

        @Override
        public void beforeCommit(Connection connection) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1")) {
                update.setLong(1, head.sequence());
                update.setString(2, head.hash());
                update.executeUpdate();
            }
        }
    }

    private static void addItems(Connection connection, String table, long sequence, List<String> items)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?)")) {
            // most records name one subject; H2's executeBatch builds an SQLException (a stack trace)
            // before it runs anything, about half of what adding a record's items cost
            if (items.size() == 1) {
                bindItem(insert, sequence, 0, items.get(0));
                insert.executeUpdate();
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                bindItem(insert, sequence, i, items.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindItem(PreparedStatement insert, long sequence, int position, String item)
            throws SQLException {
        insert.setLong(1, sequence);
        insert.setInt(2, position);
        insert.setString(3, item);
    }

    /** The head; locked until the commit when {@code lock}. */
    private static AuditVerifier.Head head(Connection connection, boolean lock) throws SQLException {
        return head(connection, lock, false);
    }

    /** The head, locked until the commit when {@code lock}; null when {@code skipIfHeld} and another transaction holds it. */
    private static AuditVerifier.Head head(Connection connection, boolean lock, boolean skipIfHeld)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT sequence, hash FROM audit_head WHERE id = 1"
                + (lock ? " FOR UPDATE" : "") + (lock && skipIfHeld ? " SKIP LOCKED" : ""));
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? new AuditVerifier.Head(rows.getLong(1), rows.getString(2)) : null;
        }
    }

    private static long lastSealed(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(sequence) FROM audit_seal");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void equal(StringBuilder sql, List<Object> values, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private static boolean contended(StoreException e) {
        return e.getCause() instanceof SQLException cause && cause.getSQLState() != null
                && CONTENDED.contains(cause.getSQLState());
    }

    /** The records a query selects, each with its subjects and recipients. */
    private static List<AuditRecord> records(Connection connection, PreparedStatement query) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getLong("sequence"),
                        Database.instant(result.getObject("occurred_at", OffsetDateTime.class)),
                        result.getString("agency"), result.getString("person"), result.getString("action"),
                        result.getString("data_class"), result.getString("purpose"),
                        result.getString("case_reference"), result.getString("outcome"), result.getString("detail"),
                        result.getString("previous_hash"), result.getString("hash")));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> sequences = rows.stream().map(Row::sequence).toList();
        Map<Long, List<String>> subjects = items(connection, "audit_subject", "subject", sequences);
        Map<Long, List<String>> recipients = items(connection, "audit_recipient", "recipient", sequences);
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(row.record(subjects.getOrDefault(row.sequence(), List.of()),
                    recipients.getOrDefault(row.sequence(), List.of())));
        }
        return records;
    }

    /** The items of these records, in their order: a range for a page of the walk, else IN lists. */
    private static Map<Long, List<String>> items(Connection connection, String table, String column,
            List<Long> sequences) throws SQLException {
        Map<Long, List<String>> items = new HashMap<>();
        long first = sequences.get(0);
        long last = sequences.get(sequences.size() - 1);
        if (last - first + 1 == sequences.size()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT sequence, " + column + " FROM " + table
                    + " WHERE sequence BETWEEN ? AND ? ORDER BY sequence, item")) {
                query.setLong(1, first);
                query.setLong(2, last);
                collect(query, items);
            }
            return items;
        }
        for (int from = 0; from < sequences.size(); from += IN_LIST) {
            List<Long> chunk = sequences.subList(from, Math.min(sequences.size(), from + IN_LIST));
            try (PreparedStatement query = connection.prepareStatement("SELECT sequence, " + column + " FROM " + table
                    + " WHERE sequence IN (" + "?,".repeat(chunk.size() - 1) + "?) ORDER BY sequence, item")) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setLong(i + 1, chunk.get(i));
                }
                collect(query, items);
            }
        }
        return items;
    }

    private static void collect(PreparedStatement query, Map<Long, List<String>> items) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                items.computeIfAbsent(rows.getLong(1), sequence -> new ArrayList<>()).add(rows.getString(2));
            }
        }
    }

    /** An entry waiting in the queue, and the record it becomes once its group committed. */

    /** A row of audit_record, before its subjects and recipients are read. */
    private record Row(long sequence, Instant at, String agency, String person, String action, String dataClass,
            String purpose, String caseReference, String outcome, String detail, String previousHash, String hash) {

        AuditRecord record(List<String> subjects, List<String> recipients) {
            return new AuditRecord(sequence, new AuditEntry(at, agency, person, action, dataClass, subjects, purpose,
                    caseReference, outcome, recipients, detail), previousHash, hash);
        }
    }

    /** The verifier's view of the tables: each call one query on a connection of its own. */
    private final class Tables implements AuditVerifier.Log {

        @Override
        public AuditVerifier.Head head() {
            return database.run("read the audit log's head", connection -> AuditStore.head(connection, false));
        }

        @Override
        public List<AuditRecord> records(long after, long upTo, int limit) {
            return database.run("read audit records after " + after, connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_record"
                        + " WHERE sequence > ? AND sequence <= ? ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
                    query.setLong(1, after);
                    query.setLong(2, upTo);
                    query.setInt(3, limit);
                    return AuditStore.records(connection, query);
                }
            });
        }

        @Override
        public List<AuditRecord> withHash(String hash) {
            return database.run("find the audit record chained to by another", connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_record"
                        + " WHERE hash = ? ORDER BY sequence")) {
                    query.setString(1, hash);
                    return AuditStore.records(connection, query);
                }
            });
        }

        @Override
        public List<AuditVerifier.StoredSeal> seals(long after, long upTo, int limit) {
            return database.run("read the audit seals after record " + after, connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT " + SEAL_COLUMNS + " FROM audit_seal"
                        + " WHERE sequence > ? AND sequence <= ? ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
                    query.setLong(1, after);
                    query.setLong(2, upTo);
                    query.setInt(3, limit);
                    List<AuditVerifier.StoredSeal> seals = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            seals.add(new AuditVerifier.StoredSeal(new AuditSeal(rows.getLong("sequence"),
                                    rows.getString("hash"),
                                    Database.instant(rows.getObject("sealed_at", OffsetDateTime.class)),
                                    rows.getString("algorithm"), rows.getString("signature")),
                                    rows.getString("key_id")));
                        }
                    }
                    return seals;
                }
            });
        }

        @Override
        public long lastSealed() {
            return database.run("read the last audit seal", AuditStore::lastSealed);
        }

        @Override
        public AuditVerifier.Extent extent() {
            return database.run("count the audit records", connection -> {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT MIN(sequence), MAX(sequence), COUNT(*) FROM audit_record");
                        ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(3) == 0 ? null : new AuditVerifier.Extent(rows.getLong(1), rows.getLong(2));
                }
            });
        }
    }
}
