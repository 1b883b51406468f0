package org.atalaya.api.audit;

import java.util.List;
import java.util.Optional;
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

    /**
     * Appends an entry in the hub's database transaction open on this thread (the one in which a
     * repository hands a caller what it stores: {@code AlertRepository.saveAll}'s
     * {@code alongside}), unless another transaction is appending to the log now. The record is
     * stored by that transaction's commit, with its other writes, or not at all; the transaction
     * holds the log's head until then. When another transaction holds the head, nothing is
     * appended, so that this one does not wait for the other's commit: the caller records the
     * entry otherwise ({@link #appendUrgent}, before what it records happens).
     *
     * @return the record, or empty when nothing was appended
     * @throws IllegalStateException when no transaction of the hub's database is open on this
     *         thread, or the entry could not be appended: the transaction must then not commit
     */
    Optional<AuditRecord> appendInTransaction(AuditEntry entry);

    /** The records matching the query, oldest first. */
    List<AuditRecord> search(AuditQuery query);

    /** Walks the whole log and its seals and reports every break, located. */
    AuditVerification verify();

    /** Seals the log up to its last record now; empty when there is nothing new to seal. */
    Optional<AuditSeal> seal();

    /** The seals, oldest first. */
    List<AuditSeal> seals();

    /** The public key that verifies the seals (X.509 SubjectPublicKeyInfo, PEM). */
    String publicKey();

    /** Hands every record matching the query (its limit is a page size), oldest first, to {@code sink}. */
    void export(AuditQuery query, Consumer<AuditRecord> sink);
}
