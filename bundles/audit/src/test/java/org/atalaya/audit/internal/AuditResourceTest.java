package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.audit.internal.AuditFixtures.append;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Problem;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

class AuditResourceTest extends DatabaseTestSupport {

    private final ObjectMapper json = new ObjectMapper();
    private AuditFixtures.Attacker attacker;
    private AuditStore store;
    private AuditResource resource;

    @BeforeEach
    void publish() {
        store = new AuditStore(database, SealKey.generate(), Clock.systemUTC());
        attacker = new AuditFixtures.Attacker(dataSource, store);
        resource = new AuditResource(store);
    }

    @Test
    void everyMethodReadsTheAuditDataClassThroughTheGate() {
        List<Method> methods = Arrays.stream(AuditResource.class.getMethods())
                .filter(method -> method.isAnnotationPresent(GET.class)).toList();

        assertThat(methods).hasSize(5).allSatisfy(method -> {
            Consults consults = method.getAnnotation(Consults.class);
            assertThat(consults).as(method.getName()).isNotNull();
            assertThat(consults.value()).isEqualTo(DataClass.AUDIT);
            assertThat(consults.access()).isEqualTo(Access.READ);
        });
    }

    @Test
    void recordsComeAPageAtATimeWithTheNumberOfTheNextPage() throws Exception {
        List<AuditRecord> appended = append(store, 1, 5);

        JsonNode first = body(resource.records(null, null, null, null, null, null, null, null, null, null, "2"));
        JsonNode last = body(resource.records(null, null, null, null, null, null, null, null, null, "4", "2"));

        assertThat(sequences(first.get("records"))).containsExactly(1L, 2L);
        assertThat(first.get("nextAfter").asLong()).isEqualTo(2);
        assertThat(sequences(last.get("records"))).containsExactly(5L);
        assertThat(last.get("nextAfter").isNull()).isTrue();
        JsonNode record = first.get("records").get(1);
        AuditEntry entry = appended.get(1).entry();
        assertThat(record.get("at").asText()).isEqualTo(entry.at().toString());
        assertThat(record.get("agency").asText()).isEqualTo(entry.agency());
        assertThat(record.get("subjects").get(1).asText()).isEqualTo(entry.subjects().get(1));
        assertThat(record.get("detail").isNull()).isTrue();
        assertThat(record.get("previousHash").asText()).isEqualTo(appended.get(0).hash());
        assertThat(record.get("hash").asText()).isEqualTo(appended.get(1).hash());
    }

    @Test
    void recordsAreFilteredByEveryParameter() throws Exception {
        List<AuditRecord> appended = append(store, 1, 12);

        assertThat(sequences(resource.records("local-police", "agente-1", null, null, null, null, null, null, null,
                null, null))).containsExactly(4L, 10L);
        assertThat(sequences(resource.records(null, null, "HOTLIST", null, null, null, null, null, null, null,
                null))).containsExactly(5L, 10L);
        assertThat(sequences(resource.records(null, null, null, "hit-7", "investigation", "ATL-2026-3", "allowed",
                null, null, null, null))).containsExactly(7L);
        assertThat(sequences(resource.records(null, null, null, null, null, null, null,
                appended.get(2).entry().at().toString(), appended.get(4).entry().at().toString(), null, null)))
                .containsExactly(3L, 4L);
    }

    @Test
    void aParameterThatCannotBeReadIsABadRequest() {
        List<ThrowingSupplier<Response>> calls = List.of(
                () -> resource.records(null, null, null, null, null, null, null, null, null, null, "0"),
                () -> resource.records(null, null, null, null, null, null, null, null, null, null, "1001"),
                () -> resource.records(null, null, null, null, null, null, null, null, null, null, "ten"),
                () -> resource.records(null, null, null, null, null, null, null, null, null, "-1", null),
                () -> resource.records(null, null, "weather", null, null, null, null, null, null, null, null),
                () -> resource.records(null, null, null, null, null, null, null, "yesterday", null, null, null),
                () -> resource.records(null, null, null, null, null, null, null, "2026-11-22T00:00:00Z",
                        "2026-11-21T00:00:00Z", null, null),
                () -> resource.export(null, null, null, null, null, null, null, null, "tomorrow", null));

        for (ThrowingSupplier<Response> call : calls) {
            assertThatThrownBy(call::get).isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.getResponse().getStatus()).isEqualTo(400);
                assertThat(problem.getResponse().getMediaType()).hasToString(Problem.MEDIA_TYPE);
            });
        }
    }

    @Test
    void theVerificationListsEachFinding() throws Exception {
        append(store, 1, 8);
        store.seal();
        JsonNode intact = body(resource.verify());

        attacker.sql("DELETE FROM audit_record WHERE sequence = 3");
        JsonNode broken = body(resource.verify());

        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("records").asLong()).isEqualTo(8);
        assertThat(intact.get("seals").asInt()).isEqualTo(1);
        assertThat(intact.get("findings")).isEmpty();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("sequence").asLong()).isEqualTo(3);
            assertThat(finding.get("kind").asText()).isEqualTo("REMOVED");
            assertThat(finding.get("detail").asText()).contains("record 3 is missing");
        });
    }

    @Test
    void theSealsAndThePublicKeyAreShown() throws Exception {
        append(store, 1, 3);
        store.seal();

        JsonNode seals = body(resource.seals());
        Response publicKey = resource.publicKey();

        assertThat(seals.get("seals")).singleElement().satisfies(seal -> {
            assertThat(seal.get("sequence").asLong()).isEqualTo(3);
            assertThat(seal.get("algorithm").asText()).isEqualTo("Ed25519");
        });
        assertThat(publicKey.getEntity()).isEqualTo(store.publicKey());
        assertThat(publicKey.getMediaType()).hasToString("text/plain");
    }

    @Test
    void theExportStreamsEachRecordThenEachSeal() throws Exception {
        append(store, 1, 4);
        store.seal();
        append(store, 5, 6);

        List<JsonNode> all = export(resource.export(null, null, null, null, null, null, null, null, null, null));
        List<JsonNode> denied = export(resource.export(null, null, null, null, null, null, "denied", null, null, null));

        assertThat(all).extracting(line -> line.get("type").asText() + " " + line.get("sequence").asLong())
                .containsExactly("record 1", "record 2", "record 3", "record 4", "record 5", "record 6", "seal 4");
        assertThat(denied).extracting(line -> line.get("type").asText() + " " + line.get("sequence").asLong())
                .containsExactly("record 4", "seal 4");
    }

    @Test
    void anExportCanBeCheckedWithThePublicKeyAloneAsTheReadmeSays() throws Exception {
        append(store, 1, 7);
        store.seal();
        append(store, 8, 9);
        store.seal();
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64
                .getMimeDecoder().decode(store.publicKey().replaceAll("-----[A-Z ]+-----", ""))));

        List<JsonNode> lines = export(resource.export(null, null, null, null, null, null, null, null, null, null));

        List<String> hashes = new ArrayList<>();
        String previous = "0".repeat(64);
        for (JsonNode line : lines) {
            if (line.get("type").asText().equals("record")) {
                assertThat(line.get("previousHash").asText()).isEqualTo(previous);
                String hash = AuditChainTest.documentedHash(previous, line.get("sequence").asLong(), entry(line));
                assertThat(line.get("hash").asText()).isEqualTo(hash);
                hashes.add(hash);
                previous = hash;
            } else {
                long sequence = line.get("sequence").asLong();
                assertThat(line.get("hash").asText()).isEqualTo(hashes.get((int) sequence - 1));
                Instant at = Instant.parse(line.get("at").asText());
                byte[] message = ByteBuffer.allocate(21 + 8 + 32 + 8)
                        .put("atalaya-audit-seal-1\0".getBytes(StandardCharsets.US_ASCII)).putLong(sequence)
                        .put(HexFormat.of().parseHex(line.get("hash").asText()))
                        .putLong(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000).array();
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(publicKey);
                signature.update(message);
                assertThat(signature.verify(Base64.getDecoder().decode(line.get("signature").asText())))
                        .as("seal of record " + sequence).isTrue();
            }
        }
        assertThat(hashes).hasSize(9);
    }

    private static AuditEntry entry(JsonNode record) {
        return new AuditEntry(Instant.parse(record.get("at").asText()), text(record, "agency"), text(record, "person"),
                text(record, "action"), text(record, "dataClass"), texts(record.get("subjects")),
                text(record, "purpose"), text(record, "caseReference"), text(record, "outcome"),
                texts(record.get("recipients")), text(record, "detail"));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private JsonNode body(Response response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        return json.readTree((String) response.getEntity());
    }

    private List<Long> sequences(Response response) throws Exception {
        return sequences(body(response).get("records"));
    }

    private static List<Long> sequences(JsonNode records) {
        List<Long> sequences = new ArrayList<>();
        records.forEach(record -> sequences.add(record.get("sequence").asLong()));
        return sequences;
    }

    private List<JsonNode> export(Response response) throws Exception {
        assertThat(response.getMediaType()).hasToString("application/x-ndjson");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }
}
