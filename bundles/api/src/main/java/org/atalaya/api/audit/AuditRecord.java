package org.atalaya.api.audit;

/**
 * An entry as the log holds it.
 *
 * @param sequence     its place in the log, from 1, without gaps
 * @param entry        what it says
 * @param previousHash the hash of the record before (hex; 64 zeros for the first)
 * @param hash         SHA-256 over the previous hash and this record's sequence and entry (hex)
 */
public record AuditRecord(long sequence, AuditEntry entry, String previousHash, String hash) {
}
