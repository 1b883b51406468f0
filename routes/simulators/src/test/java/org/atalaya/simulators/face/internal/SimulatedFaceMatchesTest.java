package org.atalaya.simulators.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimulatedFaceMatchesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final List<String> CAMERAS = List.of("tarajal-face-1", "puerto-face-1");
    private static final List<String> ENTRIES = List.of("wl-demo-0001", "wl-demo-0002");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void publishesEachMatchAsAtalayaJsonOnItsCamerasOwnTopicReferringToTheFrame() throws Exception {
        SimulatedFaceMatches matches = new SimulatedFaceMatches(CAMERAS, ENTRIES, "https://vms.demo.example/frames",
                new SplittableRandom(7), Clock.fixed(NOW, ZoneOffset.UTC));
        Set<String> cameras = new HashSet<>();
        Set<String> entries = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SimulatedFaceMatches.Published match = matches.next();
            JsonNode body = json.readTree(match.payload());

            String camera = body.get("cameraId").asText();
            assertThat(match.topic()).isEqualTo("atalaya/face/" + camera + "/matches");
            assertThat(body.get("id").asText()).isEqualTo(match.id());
            assertThat(body.get("capturedAt").asText()).isEqualTo("2026-11-21T10:00:00.123Z");
            assertThat(body.get("similarity").isNumber()).isTrue();
            assertThat(body.get("similarity").asDouble()).isBetween(0.80, 0.99);
            assertThat(body.get("imageRef").asText())
                    .isEqualTo("https://vms.demo.example/frames/" + camera + "/" + match.id() + ".jpg");
            cameras.add(camera);
            entries.add(body.get("watchlistEntryId").asText());
        }
        assertThat(cameras).containsExactlyInAnyOrderElementsOf(CAMERAS);
        assertThat(entries).containsExactlyInAnyOrderElementsOf(ENTRIES);
    }

    @Test
    void refusesCamerasEntriesAndFrameAddressesTheHubWouldNotTake() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new SimulatedFaceMatches(List.of(), ENTRIES, "https://x/", new SplittableRandom(),
                clock)).hasMessageContaining("cameras");
        assertThatThrownBy(() -> new SimulatedFaceMatches(List.of("a/b"), ENTRIES, "https://x/", new SplittableRandom(),
                clock)).hasMessageContaining("cameras");
        assertThatThrownBy(() -> new SimulatedFaceMatches(CAMERAS, List.of("wl \"1\""), "https://x/",
                new SplittableRandom(), clock)).hasMessageContaining("watchlistEntries");
        assertThatThrownBy(() -> new SimulatedFaceMatches(CAMERAS, ENTRIES, "https://x/\"", new SplittableRandom(),
                clock)).hasMessageContaining("imageBaseUrl");
    }
}
