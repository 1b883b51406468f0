package org.atalaya.security.soap.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;

/** An audit log that keeps what it is given, or that fails, as a database that is down would. */
final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /** Whether appending fails from now on. */
    void failing(boolean fails) {
        this.failing = fails;
    }

    List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    AuditEntry last() {
        return entries.get(entries.size() - 1);
    }

    void clear() {
        entries.clear();
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        if (failing) {
            throw new IllegalStateException("the audit database is not reachable");
        }
        entries.add(entry);
        return new AuditRecord(entries.size(), entry, "0".repeat(64), "0".repeat(64));
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditVerification verify() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<AuditSeal> seal() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditSeal> seals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String publicKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        throw new UnsupportedOperationException();
    }
}
