package org.atalaya.api.audit;

import java.util.List;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param records  how many records it read
 * @param seals    how many seals it checked
 * @param findings each break of the chain, located; empty when the log is intact
 */
public record AuditVerification(long records, int seals, List<Finding> findings) {

    public AuditVerification {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** How the log was broken at a place. */
    public enum Kind {
        /** The record's content no longer matches its hash. */
        ALTERED,
        /** Records are missing: a gap in the sequence, or the end of the log cut off. */
        REMOVED,
        /** The record is not where the chain put it. */
        REORDERED,
        /** The record's link to the one before is broken, or its hash was recomputed. */
        BROKEN_LINK,
        /** A seal's signature is not valid, or it no longer matches the chain. */
        SEAL_MISMATCH
    }

    /**
     * One break.
     *
     * @param sequence where: the record (or the seal's last record)
     * @param kind     what
     * @param detail   in words
     */
    public record Finding(long sequence, Kind kind, String detail) {
    }
}
