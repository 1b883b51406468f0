package org.atalaya.routes.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateReadParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Camera TARAJAL = new Camera("tarajal-1", "Frontera del Tarajal, salida",
            new GeoPoint(35.8717, -5.3430), 200, true);

    private final PlateReadParser parser = new PlateReadParser(65_536, Duration.ofMinutes(5), Duration.ofDays(1),
            Clock.fixed(NOW, ZoneOffset.UTC), id -> Optional.ofNullable(Map.of("tarajal-1", TARAJAL).get(id)));

    @Test
    void readsAtalayaJson() {
        PlateRead read = single("""
                {"id":"tarajal-1-000123","cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:58.250Z",
                 "plate":"1234 bcd","country":"es","confidence":0.93,"direction":"approaching",
                 "imageRef":"https://camaras.ceuta.example/tarajal-1/000123.jpg"}""", "tarajal-1");

        assertThat(read).isEqualTo(new PlateRead("tarajal-1-000123", "tarajal-1",
                Instant.parse("2026-11-21T09:59:58.250Z"), "1234 bcd", "1234BCD", "ES", 0.93, Direction.APPROACHING,
                TARAJAL.position(), "https://camaras.ceuta.example/tarajal-1/000123.jpg"));
    }

    @Test
    void readsABatchAndNamesTheFaultyReadInTheReason() {
        List<PlateRead> reads = parser.parse(bytes("""
                [{"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9},
                 {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:01Z","plate":"CE 4321 AB","confidence":0.8}]"""),
                null);
        assertThat(reads).extracting(PlateRead::plate).containsExactly("1234BCD", "CE4321AB");
        assertThat(reads.get(0).id()).isEqualTo("tarajal-1@" + Instant.parse("2026-11-21T09:59:00Z").toEpochMilli()
                + "#1234BCD");

        assertThatThrownBy(() -> parser.parse(bytes("""
                [{"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9},
                 {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:01Z","plate":"12#4","confidence":0.8}]"""), null))
                .hasMessageStartingWith("[1].plate '12#4'");
    }

    @Test
    void readsAnOnvifProfileMLicencePlateEvent() {
        PlateRead read = single("""
                <wsnt:NotificationMessage xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"
                    xmlns:tns1="http://www.onvif.org/ver10/topics" xmlns:tt="http://www.onvif.org/ver10/schema">
                  <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:RuleEngine/Recognition/LicensePlate</wsnt:Topic>
                  <wsnt:Message>
                    <tt:Message UtcTime="2026-11-21T09:59:59.500Z" PropertyOperation="Changed">
                      <tt:Source>
                        <tt:SimpleItem Name="VideoSource" Value="VideoSource_1"/>
                        <tt:SimpleItem Name="Rule" Value="LPR"/>
                      </tt:Source>
                      <tt:Data>
                        <tt:ElementItem Name="LicensePlateInfo">
                          <tt:LicensePlateInfo>
                            <tt:PlateNumber Likelihood="0.88">CE 1234 AB</tt:PlateNumber>
                            <tt:PlateType Likelihood="0.8">Normal</tt:PlateType>
                            <tt:CountryCode Likelihood="0.9">ESP</tt:CountryCode>
                          </tt:LicensePlateInfo>
                        </tt:ElementItem>
                        <tt:SimpleItem Name="Likelihood" Value="0.91"/>
                        <tt:SimpleItem Name="ImageURI" Value="https://camaras.ceuta.example/tarajal-1/4711.jpg"/>
                        <tt:ElementItem Name="VehicleInfo"><tt:VehicleInfo><tt:Type Likelihood="0.9">Car</tt:Type></tt:VehicleInfo></tt:ElementItem>
                      </tt:Data>
                    </tt:Message>
                  </wsnt:Message>
                </wsnt:NotificationMessage>""", "tarajal-1");

        assertThat(read.plate()).isEqualTo("CE1234AB");
        assertThat(read.country()).isEqualTo("ES");
        assertThat(read.confidence()).isEqualTo(0.91);
        assertThat(read.capturedAt()).isEqualTo(Instant.parse("2026-11-21T09:59:59.500Z"));
        assertThat(read.imageRef()).isEqualTo("https://camaras.ceuta.example/tarajal-1/4711.jpg");
        assertThat(read.cameraId()).isEqualTo("tarajal-1");
        assertThat(read.id()).isEqualTo("tarajal-1@" + read.capturedAt().toEpochMilli() + "#CE1234AB");
    }

    @Test
    void readsABareOnvifMessageWithThePlatesOwnLikelihood() {
        PlateRead read = single("""
                <tt:Message xmlns:tt="http://www.onvif.org/ver10/schema" UtcTime="2026-11-21T09:59:59Z">
                  <tt:Data><tt:ElementItem Name="LicensePlateInfo"><tt:LicensePlateInfo>
                    <tt:PlateNumber Likelihood="0.75">1234BCD</tt:PlateNumber>
                  </tt:LicensePlateInfo></tt:ElementItem></tt:Data>
                </tt:Message>""", "tarajal-1");
        assertThat(read.confidence()).isEqualTo(0.75);
        assertThat(read.country()).isNull();
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpandedOrFetched() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <tt:Message xmlns:tt="http://www.onvif.org/ver10/schema" UtcTime="2026-11-21T09:59:59Z">
                  <tt:Data><tt:LicensePlateInfo><tt:PlateNumber>&x;</tt:PlateNumber></tt:LicensePlateInfo></tt:Data>
                </tt:Message>""";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        for (String hostile : List.of(xxe, laughs)) {
            assertThatThrownBy(() -> parser.parse(bytes(hostile), "tarajal-1")).isInstanceOf(RejectedEvent.class)
                    .hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void refusesAnOnvifEventNestedDeeperThanTheLimit() {
        // the event itself is 7 elements deep, the simulator's and a Profile M camera's alike; what
        // is nested in its tt:Data starts at the fifth level
        assertThat(single(onvifWithin(PlateReadParser.MAX_XML_DEPTH - 4), "tarajal-1").plate()).isEqualTo("1234BCD");

        assertThatThrownBy(() -> parser.parse(bytes(onvifWithin(PlateReadParser.MAX_XML_DEPTH - 3)), "tarajal-1"))
                .isInstanceOf(RejectedEvent.class).hasMessage("ONVIF event nested deeper than 32 elements");
        assertThatThrownBy(() -> parser.parse(bytes(onvifWithin(5_000)), "tarajal-1"))
                .isInstanceOf(RejectedEvent.class).hasMessage("ONVIF event nested deeper than 32 elements");
    }

    @Test
    void refusesAnOnvifEventThatIsNotWellFormedAfterItsPlate() {
        String event = onvifWithin(0);
        String cut = event.substring(0, event.indexOf("</wsnt:Message>"));

        assertThatThrownBy(() -> parser.parse(bytes(cut), "tarajal-1")).isInstanceOf(RejectedEvent.class)
                .hasMessageStartingWith("not a well-formed ONVIF event: ").hasMessageNotContaining("\n");
    }

    @Test
    void readsAlpha3CountriesOfEveryCase() {
        for (String alpha3 : List.of("ESP", "mar", "Prt")) {
            String event = onvifWithin(0).replace("<tt:PlateNumber", "<tt:CountryCode>" + alpha3
                    + "</tt:CountryCode><tt:PlateNumber");
            assertThat(single(event, "tarajal-1").country()).isIn("ES", "MA", "PT");
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            {"cameraId":"puerto-9","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9}           ; camera 'puerto-9' is not registered
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9}          ; OK
            {"capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9}                                 ; cameraId is missing
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD1234BCD","confidence":0.9}   ; is not 1-11 letters and digits
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"B","confidence":0.9}                ; is shorter than 2 characters
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":1.5}          ; confidence 1.5 is not from 0 to 1
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":"high"}      ; confidence must be a number
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T10:06:00Z","plate":"1234BCD","confidence":0.9}          ; ahead of the hub's clock
            {"cameraId":"tarajal-1","capturedAt":"2026-11-19T10:00:00Z","plate":"1234BCD","confidence":0.9}          ; is older than 24 h
            {"cameraId":"tarajal-1","capturedAt":"ayer","plate":"1234BCD","confidence":0.9}                          ; is not an ISO-8601 date-time
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9,"country":"Spain"} ; is not an ISO 3166 country code
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9,"direction":"sideways"} ; direction 'sideways'
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":1234,"confidence":0.9}               ; plate must be a string
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","confidence":0.9}                            ; plate is missing
            []                                                                                                        ; empty batch
            "1234BCD"                                                                                                 ; must be a JSON object, a JSON array or an ONVIF event
            {"cameraId":"tarajal-1",                                                                                  ; not valid JSON or XML
            <tt:Message xmlns:tt="http://www.onvif.org/ver10/schema" UtcTime="2026-11-21T09:59:59Z"/>                 ; no LicensePlateInfo
            <tt:Message                                                                                               ; not a well-formed ONVIF event
            """)
    void rejectsWithAReasonTheIntegratorCanActOn(String payload, String reason) {
        // as over REST: no topic names the camera
        if (reason.equals("OK")) {
            assertThat(parser.parse(bytes(payload), null)).hasSize(1);
            return;
        }
        assertThatThrownBy(() -> parser.parse(bytes(payload), null)).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            '/' as two bytes in the plate,         plate,    '12', 'C0 AF', '34BCD'
            '/' as three bytes in the plate,       plate,    '12', 'E0 80 AF', '34BCD'
            a UTF-16 surrogate in the id,          id,       'r', 'ED A0 80', '1'
            a code point past U+10FFFF in imageRef, imageRef, 'https://cam.example/', 'F4 90 80 80', '1.jpg'
            """)
    void refusesJsonThatIsNotUtf8EvenWhereTheParserWouldDecodeIt(String what, String field, String before,
            String sequence, String after) {
        byte[] hostile = concat(bytes("{\"cameraId\":\"tarajal-1\",\"capturedAt\":\"2026-11-21T09:59:00Z\","
                + "\"plate\":\"1234BCD\",\"confidence\":0.9,\"" + field + "\":\"" + before),
                java.util.HexFormat.ofDelimiter(" ").parseHex(sequence), bytes(after + "\"}"));

        assertThatThrownBy(() -> parser.parse(hostile, "tarajal-1")).isInstanceOf(RejectedEvent.class)
                .hasMessageStartingWith("not valid JSON or XML: not UTF-8 at byte");
    }

    @Test
    void refusesControlCharactersInTheImageReference() {
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9,
                 "imageRef":"https://cam.example/1.jpg\\u0000.txt"}"""), "tarajal-1"))
                .isInstanceOf(RejectedEvent.class).hasMessageContaining("imageRef must be a URI");
    }

    @Test
    void aCameraMayPublishOnlyAsItself() {
        assertThatThrownBy(() -> parser.parse(bytes("""
                {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9}"""),
                "puerto-1")).hasMessageContaining("does not match the topic's camera 'puerto-1'");
    }

    @Test
    void refusesEmptyOversizedAndTooLargeBatches() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "tarajal-1")).hasMessage("empty payload");
        assertThatThrownBy(() -> parser.parse(new byte[70_000], "tarajal-1")).hasMessageContaining("exceeds the limit");
        String one = "{\"capturedAt\":\"2026-11-21T09:59:00Z\",\"plate\":\"1234BCD\",\"confidence\":0.9}";
        String many = "[" + String.join(",", java.util.Collections.nCopies(PlateReadParser.MAX_BATCH + 1, one)) + "]";
        assertThatThrownBy(() -> parser.parse(bytes(many), "tarajal-1")).hasMessage("at most 500 reads per batch");
    }

    /** A licence plate event in a WS-Notification message, with {@code depth} unknown elements nested in its data. */
    private static String onvifWithin(int depth) {
        return """
                <wsnt:NotificationMessage xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" \
                xmlns:tt="http://www.onvif.org/ver10/schema">
                  <wsnt:Message>
                    <tt:Message UtcTime="2026-11-21T09:59:59Z">
                      <tt:Data>
                        <tt:ElementItem Name="LicensePlateInfo"><tt:LicensePlateInfo>
                          <tt:PlateNumber Likelihood="0.9">1234BCD</tt:PlateNumber>
                        </tt:LicensePlateInfo></tt:ElementItem>
                        %s%s
                      </tt:Data>
                    </tt:Message>
                  </wsnt:Message>
                </wsnt:NotificationMessage>""".formatted("<n>".repeat(depth),
                "</n>".repeat(depth));
    }

    private PlateRead single(String payload, String topicCamera) {
        List<PlateRead> reads = parser.parse(bytes(payload), topicCamera);
        assertThat(reads).hasSize(1);
        return reads.get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
