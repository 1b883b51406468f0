package org.atalaya.api.audit;

import java.time.Instant;

/**
 * A signed statement that the log, up to a record, had this hash: removing or rewriting records
 * up to there, even with their hashes recomputed, no longer matches it.
 *
 * @param sequence  the last record it covers
 * @param hash      that record's hash (hex)
 * @param at        when it was signed
 * @param algorithm the signature algorithm ({@code Ed25519})
 * @param signature the signature over the sequence, hash and time (Base64)
 */
public record AuditSeal(long sequence, String hash, Instant at, String algorithm, String signature) {
}
