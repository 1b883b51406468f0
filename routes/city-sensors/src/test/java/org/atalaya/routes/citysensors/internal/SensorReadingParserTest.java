package org.atalaya.routes.citysensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.atalaya.api.event.Measurement;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.event.SensorKind;
import org.atalaya.api.event.SensorReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorReadingParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final SensorReadingParser parser = new SensorReadingParser(2048, Duration.ofMinutes(5),
            Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAWeatherReadingWithItsOwnId() {
        SensorReading reading = parse("""
                {"id":"wx-hacho-0001","sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T09:59:00Z",
                 "measurements":[{"quantity":"air_temperature","value":18.5,"unit":"Cel"},
                                 {"quantity":"wind_speed","value":7,"unit":"m/s"}]}""", "wx-hacho");

        assertThat(reading).isEqualTo(new SensorReading("wx-hacho-0001", "wx-hacho", SensorKind.WEATHER,
                Instant.parse("2026-11-21T09:59:00Z"),
                java.util.List.of(new Measurement("air_temperature", 18.5, "Cel"),
                        new Measurement("wind_speed", 7, "m/s"))));
    }

    @Test
    void derivesTheSameIdForTheSameReadingWhenTheSensorSendsNone() {
        String payload = """
                {"sensorId":"tr-tarajal-1","kind":"TRAFFIC","observedAt":"2026-11-21T10:59:00+01:00",
                 "measurements":[{"quantity":"vehicle_flow","value":840,"unit":"1/h"}]}""";

        SensorReading first = parse(payload, "tr-tarajal-1");
        SensorReading again = parse(payload, "tr-tarajal-1");

        assertThat(first.id()).isEqualTo("tr-tarajal-1@2026-11-21T09:59:00Z").isEqualTo(again.id());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json at all                                                                      | not valid JSON
            [1,2,3]                                                                              | payload must be a JSON object
            {"kind":"weather","observedAt":"2026-11-21T09:59:00Z","measurements":[]}             | sensorId is missing
            {"sensorId":42,"kind":"weather"}                                                     | sensorId must be a string
            {"sensorId":"s 1","kind":"weather"}                                                  | sensorId must be 1-64 letters
            {"sensorId":"wx-other","kind":"weather"}                                             | does not match the topic's sensor 'wx-hacho'
            {"sensorId":"wx-hacho","kind":"seismic"}                                             | kind 'seismic' is not one of
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"yesterday"}                    | is not an ISO-8601 date-time
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:06:00Z"}         | ahead of the hub's clock
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-19T10:00:00Z"}         | is older than 24 h
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z"}         | measurements must be a non-empty array
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[]} | measurements must be a non-empty array
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[7]} | measurements[0] must be an object
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"radiation","value":1,"unit":"Sv"}]} | measurements[0].quantity 'radiation' is not known
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"pm10","value":1,"unit":"ug/m3"}]} | is not measured by weather sensors
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"air_temperature","value":65,"unit":"degF"}]} | measurements[0].unit 'degF' must be 'Cel'
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"air_temperature","value":"hot","unit":"Cel"}]} | measurements[0].value must be a finite number
            {"sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"air_temperature","value":95,"unit":"Cel"}]} | measurements[0].value 95 is outside [-50, 60] Cel
            {"id":"has space","sensorId":"wx-hacho","kind":"weather","observedAt":"2026-11-21T10:00:00Z","measurements":[{"quantity":"rainfall","value":2,"unit":"mm"}]} | id must be 1-128
            """)
    void rejectsWithAReasonTheIntegratorCanActOn(String payload, String reason) {
        assertThatThrownBy(() -> parse(payload, "wx-hacho"))
                .isInstanceOf(RejectedEvent.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsEmptyAndOversizedPayloads() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "wx-hacho")).hasMessage("empty payload");
        assertThatThrownBy(() -> parser.parse(new byte[4096], "wx-hacho"))
                .hasMessage("payload of 4096 bytes exceeds the limit of 2048");
    }

    @Test
    void rejectsDeepNestingAndInvalidUtf8() {
        String deep = "{\"sensorId\":" + "[".repeat(50) + "]".repeat(50) + "}";
        assertThatThrownBy(() -> parse(deep, "wx-hacho")).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("not valid JSON");
        byte[] invalidUtf8 = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> parser.parse(invalidUtf8, "wx-hacho")).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsOverlongUtf8ThatTheJsonParserWouldDecode() {
        String valid = "{\"id\":\"wx-hacho-0001\",\"sensorId\":\"wx-hacho\",\"kind\":\"weather\","
                + "\"observedAt\":\"2026-11-21T09:59:00Z\","
                + "\"measurements\":[{\"quantity\":\"air_temperature\",\"value\":18.5,\"unit\":\"Cel\"}]}";
        int at = valid.indexOf("0001");
        java.io.ByteArrayOutputStream overlong = new java.io.ByteArrayOutputStream();
        overlong.writeBytes(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[] {(byte) 0xC1, (byte) 0x81}); // 'A' in two bytes
        overlong.writeBytes(valid.substring(at).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parser.parse(overlong.toByteArray(), "wx-hacho")).isInstanceOf(RejectedEvent.class)
                .hasMessageStartingWith("not valid JSON: not UTF-8 at byte " + at);
    }

    @Test
    void rejectsTooManyMeasurements() {
        String one = "{\"quantity\":\"rainfall\",\"value\":1,\"unit\":\"mm\"}";
        String many = String.join(",", java.util.Collections.nCopies(SensorReadingParser.MAX_MEASUREMENTS + 1, one));
        SensorReadingParser roomy = new SensorReadingParser(16_384, Duration.ofMinutes(5), Duration.ofHours(24),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> roomy.parse(("{\"sensorId\":\"wx-hacho\",\"kind\":\"weather\","
                + "\"observedAt\":\"2026-11-21T10:00:00Z\",\"measurements\":[" + many + "]}")
                .getBytes(StandardCharsets.UTF_8), "wx-hacho"))
                .hasMessage("at most 32 measurements per reading");
    }

    private SensorReading parse(String payload, String topicSensor) {
        return parser.parse(payload.getBytes(StandardCharsets.UTF_8), topicSensor);
    }
}
