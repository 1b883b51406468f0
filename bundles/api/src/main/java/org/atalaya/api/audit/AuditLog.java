package org.atalaya.api.audit;

import java.util.List;
import java.util.function.Consumer;

/** The hub's consultation and disclosure log (the audit bundle). */
public interface AuditLog {

    /**
     * Appends an entry, chained to the last record, in its own transaction: when this returns,
     * the record is stored.
     *
     * @throws IllegalStateException when it could not be stored; whatever it records must then not happen
     */
    AuditRecord append(AuditEntry entry);

    /**
     * Appends, as {@link #append} does, an entry that a disclosure waits for now (a batch of live
     * alerts on a control centre's stream): the log may store it ahead of the routine entries
     * waiting with it.
     *
     * @throws IllegalStateException when it could not be stored; whatever it records must then not happen
     */
    default AuditRecord appendUrgent(AuditEntry entry) {
        return append(entry);
    }

    /** The records matching the query, oldest first. */
    List<AuditRecord> search(AuditQuery query);

    /** Walks the whole log and its seals and reports every break, located. */
    AuditVerification verify();

    /** Seals the log up to its last record now; empty when there is nothing new to seal. */
    java.util.Optional<AuditSeal> seal();

    /** The seals, oldest first. */
    List<AuditSeal> seals();

    /** The public key that verifies the seals (X.509 SubjectPublicKeyInfo, PEM). */
    String publicKey();

    /** Hands every record matching the query (its limit is a page size), oldest first, to {@code sink}. */
    void export(AuditQuery query, Consumer<AuditRecord> sink);
}
