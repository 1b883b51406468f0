package org.atalaya.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;

/**
 * The log's hash chain and the message a seal signs, byte for byte as the module README
 * documents them, so that anyone holding an export and the hub's public key can check it again
 * without Atalaya.
 *
 * <pre>
 * hash(n)  = SHA-256( "atalaya-audit-record-1" 0x00  previous-hash[32]  int64 n  int64 at-micros
 *                     str agency  str person  str action  str data-class  list subjects
 *                     str purpose  str case-reference  str outcome  list recipients  str detail )
 * seal     = Ed25519( "atalaya-audit-seal-1" 0x00  int64 n  hash(n)[32]  int64 sealed-at-micros )
 * str      = 0x00 for null | 0x01 uint32 length-of-UTF-8  UTF-8 bytes
 * list     = uint32 count, then str of each element
 * </pre>
 *
 * Integers are big-endian; times are microseconds since 1970-01-01T00:00:00Z, the precision the
 * database keeps; the previous hash of record 1 is 32 zero bytes.
 */
final class AuditChain {

    /** The previous hash of the first record: 64 zeros. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] RECORD_DOMAIN = "atalaya-audit-record-1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEAL_DOMAIN = "atalaya-audit-seal-1\0".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * The hash of record {@code sequence} saying {@code entry}, chained to {@code previousHash};
     * {@code null} when the previous hash is not 64 hexadecimal digits, so nothing can chain to it.
     */
    static String hash(String previousHash, long sequence, AuditEntry entry) {
        byte[] previous = digest(previousHash);
        if (previous == null) {
            return null;
        }
        Encoder record = new Encoder(RECORD_DOMAIN);
        record.bytes(previous);
        record.int64(sequence);
        record.int64(micros(entry.at()));
        record.string(entry.agency());
        record.string(entry.person());
        record.string(entry.action());
        record.string(entry.dataClass());
        record.list(entry.subjects());
        record.string(entry.purpose());
        record.string(entry.caseReference());
        record.string(entry.outcome());
        record.list(entry.recipients());
        record.string(entry.detail());
        return HEX.formatHex(sha256(record.toByteArray()));
    }

    /** Whether {@code hash} is the hash of the record as stored: its content, number and link. */
    static boolean verifies(String previousHash, long sequence, AuditEntry entry, String hash) {
        return hash != null && hash.equals(hash(previousHash, sequence, entry));
    }

    /**
     * What a seal signs: that the log's record {@code sequence} had {@code hash} at {@code at};
     * {@code null} when the hash is not 64 hexadecimal digits.
     */
    static byte[] sealMessage(long sequence, String hash, Instant at) {
        byte[] digest = digest(hash);
        if (digest == null) {
            return null;
        }
        Encoder seal = new Encoder(SEAL_DOMAIN);
        seal.int64(sequence);
        seal.bytes(digest);
        seal.int64(micros(at));
        return seal.toByteArray();
    }

    /** Microseconds since the epoch: the database's precision, below which a time is not kept. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The 32 bytes of a hash in lower-case hex, or {@code null} for anything else. */
    private static byte[] digest(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return HEX.parseHex(hex);
    }

    /** Writes the fields in the documented encoding. */
    private static final class Encoder {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Encoder(byte[] domain) {
            out.writeBytes(domain);
        }

        void bytes(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void int64(long value) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        void uint32(int value) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
        }

        void string(String value) {
            if (value == null) {
                out.write(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            uint32(utf8.length);
            out.writeBytes(utf8);
        }

        void list(List<String> values) {
            uint32(values.size());
            for (String value : values) {
                string(value);
            }
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
