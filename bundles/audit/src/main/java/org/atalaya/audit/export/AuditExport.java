package org.atalaya.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;

/**
 * The log as newline-delimited JSON ({@value #MEDIA_TYPE}): one object per record, oldest first,
 * with its previous hash and hash, then one per seal. Each record's object holds every field the
 * hash covers, nulls included, so the chain and the seals can be checked again from the file and
 * the public key alone (bundles/audit/README.md says how).
 *
 * <pre>
 * {"type":"record","sequence":1,"at":"2026-11-21T10:00:00.123456Z","agency":"local-police",...,"previousHash":"00…","hash":"5f…"}
 * {"type":"seal","sequence":1,"hash":"5f…","at":"2026-11-21T10:05:00Z","algorithm":"Ed25519","signature":"…"}
 * </pre>
 */
public final class AuditExport {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    /**
     * Writes the records {@code query} selects, a page of {@code query.limit()} at a time, then the
     * seals. Does not close {@code out}.
     *
     * @return how many records it wrote
     */
    public static long write(AuditLog log, AuditQuery query, OutputStream out) throws IOException {
        // the seals first: each names a record already appended, so every one is in the export
        // unless it was removed, which is what an auditor must see
        List<AuditSeal> seals = log.seals();
        long[] written = {0};
        try {
            log.export(query, record -> {
                line(out, record(record));
                written[0]++;
            });
            for (AuditSeal seal : seals) {
                line(out, seal(seal));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return written[0];
    }

    /** A record as the export and the REST endpoint show it, fields in the order the hash takes them. */
    public static Map<String, Object> record(AuditRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "record");
        view.put("sequence", record.sequence());
        view.put("at", record.entry().at().toString());
        view.put("agency", record.entry().agency());
        view.put("person", record.entry().person());
        view.put("action", record.entry().action());
        view.put("dataClass", record.entry().dataClass());
        view.put("subjects", record.entry().subjects());
        view.put("purpose", record.entry().purpose());
        view.put("caseReference", record.entry().caseReference());
        view.put("outcome", record.entry().outcome());
        view.put("recipients", record.entry().recipients());
        view.put("detail", record.entry().detail());
        view.put("previousHash", record.previousHash());
        view.put("hash", record.hash());
        return view;
    }

    /** A seal as the export and the REST endpoint show it. */
    public static Map<String, Object> seal(AuditSeal seal) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "seal");
        view.put("sequence", seal.sequence());
        view.put("hash", seal.hash());
        view.put("at", seal.at().toString());
        view.put("algorithm", seal.algorithm());
        view.put("signature", seal.signature());
        return view;
    }

    private static void line(OutputStream out, Map<String, Object> view) {
        try {
            out.write(JSON.writeValueAsBytes(view));
            out.write('\n');
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
