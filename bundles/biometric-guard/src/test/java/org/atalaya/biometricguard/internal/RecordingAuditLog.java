package org.atalaya.biometricguard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;

/**
 * The audit log as an in-process list (the real one is bundles/audit): records what is appended,
 * and refuses to, as a full disk or a lost database would make the real one, while {@link #failing}.
 */
final class RecordingAuditLog implements AuditLog {

    private final List<AuditRecord> records = new ArrayList<>();
    volatile boolean failing;

    @Override
    public synchronized AuditRecord append(AuditEntry entry) {
        if (failing) {
            throw new IllegalStateException("audit log unavailable");
        }
        AuditRecord record = new AuditRecord(records.size() + 1, entry, "0".repeat(64), "0".repeat(64));
        records.add(record);
        return record;
    }

    synchronized List<AuditEntry> entries() {
        return records.stream().map(AuditRecord::entry).toList();
    }

    synchronized List<AuditEntry> entries(String action) {
        return entries().stream().filter(entry -> entry.action().equals(action)).toList();
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
