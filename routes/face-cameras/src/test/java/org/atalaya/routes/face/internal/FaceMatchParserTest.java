package org.atalaya.routes.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.face.FaceMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaceMatchParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final FaceMatchParser parser = new FaceMatchParser(65_536, Duration.ofMinutes(5), Duration.ofMinutes(10),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAMatchAsTheCameraSentIt() {
        List<FaceMatch> matches = parser.parse(bytes("""
                {"id":"puerto-1-000042","cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:58.250Z",
                 "watchlistEntryId":"wl-interpol-7731","similarity":0.934,
                 "imageRef":"https://vms.ceuta.example/puerto-1/000042.jpg"}"""), "puerto-1");

        assertThat(matches).containsExactly(new FaceMatch("puerto-1-000042", "puerto-1",
                Instant.parse("2026-11-21T09:59:58.250Z"), "wl-interpol-7731", 0.934,
                "https://vms.ceuta.example/puerto-1/000042.jpg"));
    }

    @Test
    void readsABatchAndGivesAMatchWithoutIdOneThatDoesNotNameItsWatchlistEntry() {
        List<FaceMatch> matches = parser.parse(bytes("""
                [{"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7",
                  "similarity":0.9,"imageRef":"vms:frame/1"},
                 {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-8",
                  "similarity":0.8,"imageRef":"vms:frame/2"}]"""), null);

        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).id()).startsWith("puerto-1@" + Instant.parse("2026-11-21T09:59:00Z").toEpochMilli()
                + "#").doesNotContain("wl-7").isNotEqualTo(matches.get(1).id());
        assertThat(parser.parse(bytes("""
                {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7",
                 "similarity":0.9,"imageRef":"vms:frame/9"}"""), null).get(0).id()).isEqualTo(matches.get(0).id());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}   ; OK
            {"capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}                         ; cameraId is missing
            {"cameraId":"puerto 1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}   ; cameraId must be 1-64 letters
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:49:59Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}   ; is older than 10 min: only real-time matches
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T10:06:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}   ; ahead of the hub's clock
            {"cameraId":"puerto-1","capturedAt":"ayer","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}                   ; is not an ISO-8601 date-time
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","similarity":0.9,"imageRef":"vms:f/1"}                             ; watchlistEntryId is missing
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"<script>","similarity":0.9,"imageRef":"vms:f/1"}   ; watchlistEntryId must be 1-128
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":1.2,"imageRef":"vms:f/1"}   ; similarity 1.2 is not from 0 to 1
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":"high","imageRef":"vms:f/1"} ; similarity must be a number
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9}                        ; imageRef is missing
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"a b"}       ; imageRef must be a URI or id
            {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"DATA:image/jpeg,ffd8ffe0"}          ; the hub does not store images
            {"id":"a b","cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"} ; id must be 1-128
            []                                                                                                                             ; empty batch
            [1]                                                                                                                            ; [0] must be an object
            "wl-7"                                                                                                                         ; must be a JSON object or a JSON array
            {"cameraId":"puerto-1",                                                                                                        ; not valid JSON
            <tt:Message/>                                                                                                                  ; not valid JSON
            """)
    void rejectsWithAReasonTheIntegratorCanActOn(String payload, String reason) {
        if (reason.equals("OK")) {
            assertThat(parser.parse(bytes(payload), null)).hasSize(1);
            return;
        }
        assertThatThrownBy(() -> parser.parse(bytes(payload), null)).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aReasonNeverEchoesAWatchlistEntryOrAnImage() {
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl 7731",
                 "similarity":0.9,"imageRef":"vms:f/1"}"""), null)).message().doesNotContain("7731");
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7",
                 "similarity":0.9,"imageRef":"https://vms.example/secret frame.jpg"}"""), null)).message()
                .doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            'A' as two bytes in the id,                 id,       'puerto-1-', 'C1 81', '42'
            U+07FF as three overlong bytes in the id,   id,       'puerto-1-', 'E0 9F BF', '42'
            a code point past U+10FFFF in imageRef,     imageRef, 'vms:f/', 'F4 90 80 80', '1'
            """)
    void refusesJsonThatIsNotUtf8EvenWhereTheParserWouldDecodeIt(String what, String field, String before,
            String sequence, String after) {
        java.io.ByteArrayOutputStream hostile = new java.io.ByteArrayOutputStream();
        hostile.writeBytes(bytes("{\"cameraId\":\"puerto-1\",\"capturedAt\":\"2026-11-21T09:59:00Z\","
                + "\"watchlistEntryId\":\"wl-7\",\"similarity\":0.9,\"imageRef\":\"vms:f/1\",\"" + field + "\":\""
                + before));
        hostile.writeBytes(java.util.HexFormat.ofDelimiter(" ").parseHex(sequence));
        hostile.writeBytes(bytes(after + "\"}"));

        assertThatThrownBy(() -> parser.parse(hostile.toByteArray(), "puerto-1")).isInstanceOf(RejectedEvent.class)
                .hasMessageStartingWith("not valid JSON: not UTF-8 at byte");
    }

    @Test
    void refusesControlCharactersInTheImageReference() {
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7",
                 "similarity":0.9,"imageRef":"vms:f/1\\u0000"}"""), "puerto-1"))
                .isInstanceOf(RejectedEvent.class).hasMessageContaining("imageRef must be a URI or id");
    }

    @Test
    void aCameraMayPublishOnlyAsItself() {
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"puerto-1","capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7",
                 "similarity":0.9,"imageRef":"vms:f/1"}"""), "tarajal-2"))
                .hasMessageContaining("does not match the topic's camera 'tarajal-2'");
        assertThat(parser.parse(bytes("""
                {"capturedAt":"2026-11-21T09:59:00Z","watchlistEntryId":"wl-7","similarity":0.9,"imageRef":"vms:f/1"}"""),
                "tarajal-2").get(0).cameraId()).isEqualTo("tarajal-2");
    }

    @Test
    void refusesEmptyOversizedAndTooLargeBatches() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "puerto-1")).hasMessage("empty payload");
        assertThatThrownBy(() -> parser.parse(new byte[70_000], "puerto-1")).hasMessageContaining("exceeds the limit");
        String one = "{\"capturedAt\":\"2026-11-21T09:59:00Z\",\"watchlistEntryId\":\"wl-7\",\"similarity\":0.9,"
                + "\"imageRef\":\"vms:f/1\"}";
        String many = "[" + String.join(",", Collections.nCopies(FaceMatchParser.MAX_BATCH + 1, one)) + "]";
        assertThatThrownBy(() -> parser.parse(bytes(many), "puerto-1")).hasMessage("at most 100 matches per batch");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
