package org.atalaya.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log as an in-process list, for the tests of the bundles that write to it (the real
 * one is bundles/audit): it keeps what is appended, and refuses to, as a full disk or a lost
 * database would make the real one, while {@link #failing(boolean) failing}.
 */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditRecord> records = new ArrayList<>();
    private volatile boolean failing;
    private volatile boolean headHeld;

    /** Whether appending fails from now on. */
    public void failing(boolean fails) {
        this.failing = fails;
    }

    @Override
    public synchronized AuditRecord append(AuditEntry entry) {
        if (failing) {
            throw new IllegalStateException("the audit database is not reachable");
        }
        AuditRecord record = new AuditRecord(records.size() + 1, entry, "0".repeat(64), "0".repeat(64));
        records.add(record);
        return record;
    }

    /**
     * Appended at once, the list taking part in no transaction; nothing, while the head is
     * {@linkplain #headHeld held} by another transaction.
     */
    @Override
    public Optional<AuditRecord> appendInTransaction(AuditEntry entry) {
        return headHeld ? Optional.empty() : Optional.of(append(entry));
    }

    /** Whether another transaction holds the log's head from now on, as an append in progress does. */
    public void headHeld(boolean held) {
        this.headHeld = held;
    }

    /** Every entry appended, oldest first. */
    public synchronized List<AuditEntry> entries() {
        return records.stream().map(AuditRecord::entry).toList();
    }

    /** The entries of one action, oldest first. */
    public synchronized List<AuditEntry> entries(String action) {
        return entries().stream().filter(entry -> entry.action().equals(action)).toList();
    }

    /** The newest entry. */
    public synchronized AuditEntry last() {
        return records.get(records.size() - 1).entry();
    }

    public synchronized void clear() {
        records.clear();
    }

    @Override
    public synchronized List<AuditRecord> search(AuditQuery query) {
        return List.copyOf(records);
    }

    @Override
    public synchronized AuditVerification verify() {
        return new AuditVerification(records.size(), 0, List.of());
    }

    @Override
    public Optional<AuditSeal> seal() {
        return Optional.empty();
    }

    @Override
    public List<AuditSeal> seals() {
        return List.of();
    }

    @Override
    public String publicKey() {
        return "";
    }

    @Override
    public synchronized void export(AuditQuery query, Consumer<AuditRecord> sink) {
        new ArrayList<>(records).forEach(sink);
    }
}
