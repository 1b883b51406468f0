package org.atalaya.api.audit;

import java.time.Instant;

/**
 * Which records to find, oldest first. Every criterion may be {@code null} (not filtered).
 *
 * @param agency        acted for this agency
 * @param person        by this person
 * @param dataClass     of this data class
 * @param subject       naming this record id among its subjects
 * @param purpose       for this purpose
 * @param caseReference for this case
 * @param outcome       with an outcome starting with this ({@code denied})
 * @param since         at or after
 * @param until         before
 * @param afterSequence only records numbered above this (the next page); 0 from the start
 * @param limit         at most this many
 */
public record AuditQuery(String agency, String person, String dataClass, String subject, String purpose,
        String caseReference, String outcome, Instant since, Instant until, long afterSequence, int limit) {

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Every record, a page at a time. */
    public static AuditQuery all(long afterSequence, int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, afterSequence, limit);
    }
}
