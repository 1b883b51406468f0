package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");
    private static final AuditEntry ENTRY = new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts",
            "hits", List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
            List.of("local-police"), null);

    @Test
    void theHashIsTheDocumentedEncodingOfEveryField() throws Exception {
        String previous = "ab".repeat(32);

        assertThat(AuditChain.hash(previous, 42, ENTRY)).isEqualTo(documentedHash(previous, 42, ENTRY));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, ENTRY)).isEqualTo(documentedHash(AuditChain.GENESIS, 1, ENTRY));
    }

    @Test
    void everyFieldTheSequenceAndThePreviousHashChangeTheHash() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, ENTRY);
        List<AuditEntry> changed = List.of(
                new AuditEntry(AT.plusNanos(1000), "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "national-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-18", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/hotlist", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "plate-reads",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("1234BCD", "hit-1"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "prevention", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-118", "allowed 200",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "denied 403",
                        List.of("local-police"), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of(), null),
                new AuditEntry(AT, "local-police", "agente-17", "GET /api/v1/alerts", "hits",
                        List.of("hit-1", "1234BCD"), "investigation", "ATL-2026-117", "allowed 200",
                        List.of("local-police"), "note"));

        for (AuditEntry entry : changed) {
            assertThat(AuditChain.hash(AuditChain.GENESIS, 1, entry)).as(entry.toString()).isNotEqualTo(hash);
        }
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, ENTRY)).isNotEqualTo(hash);
        assertThat(AuditChain.hash("1" + AuditChain.GENESIS.substring(1), 1, ENTRY)).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesNullsAndEmptyTextsCannotBeConfused() {
        AuditEntry split = entry("local", "police-agente");
        AuditEntry splitElsewhere = entry("local-police", "agente");
        AuditEntry none = entry("local-police", null);
        AuditEntry empty = entry("local-police", "");

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, split))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, splitElsewhere));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, none))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, empty));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, withSubjects(List.of("a,b"))))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, withSubjects(List.of("a", "b"))));
    }

    @Test
    void theTimeCountsToTheMicrosecondTheDatabaseKeeps() {
        AuditEntry nanos = new AuditEntry(AT.plusNanos(999), "a", null, "x", null, null, null, null, "allowed", null,
                null);
        AuditEntry micros = new AuditEntry(AT, "a", null, "x", null, null, null, null, "allowed", null, null);

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, nanos)).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, micros));
        assertThat(AuditChain.micros(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002);
    }

    @Test
    void aPreviousHashThatIsNotOneChainsNothing() {
        assertThat(AuditChain.hash("not a hash", 1, ENTRY)).isNull();
        assertThat(AuditChain.hash(AuditChain.GENESIS.toUpperCase().replace('0', 'A'), 1, ENTRY)).isNull();
        assertThat(AuditChain.verifies("not a hash", 1, ENTRY, null)).isFalse();
        assertThat(AuditChain.sealMessage(1, "zz", AT)).isNull();
    }

    @Test
    void aSealSignsTheSequenceTheHashAndTheTime() throws Exception {
        String hash = "cd".repeat(32);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.write("atalaya-audit-seal-1".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeLong(7);
        out.write(HexFormat.of().parseHex(hash));
        out.writeLong(AT.getEpochSecond() * 1_000_000 + AT.getNano() / 1000);

        assertThat(AuditChain.sealMessage(7, hash, AT)).isEqualTo(expected.toByteArray());
    }

    private static AuditEntry entry(String agency, String person) {
        return new AuditEntry(AT, agency, person, "GET /api/v1/alerts", null, null, null, null, "allowed 200", null,
                null);
    }

    private static AuditEntry withSubjects(List<String> subjects) {
        return new AuditEntry(AT, "local-police", null, "GET /api/v1/alerts", null, subjects, null, null,
                "allowed 200", null, null);
    }

    /** The encoding as bundles/audit/README.md writes it down, built independently of AuditChain. */
    static String documentedHash(String previousHash, long sequence, AuditEntry entry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("atalaya-audit-record-1".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(HexFormat.of().parseHex(previousHash));
        out.writeLong(sequence);
        out.writeLong(entry.at().getEpochSecond() * 1_000_000 + entry.at().getNano() / 1000);
        text(out, entry.agency());
        text(out, entry.person());
        text(out, entry.action());
        text(out, entry.dataClass());
        list(out, entry.subjects());
        text(out, entry.purpose());
        text(out, entry.caseReference());
        text(out, entry.outcome());
        list(out, entry.recipients());
        text(out, entry.detail());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            text(out, value);
        }
    }
}
