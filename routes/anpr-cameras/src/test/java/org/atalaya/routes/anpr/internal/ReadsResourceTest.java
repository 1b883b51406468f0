package org.atalaya.routes.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.SecurityContext;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.security.rest.Problem;
import org.junit.jupiter.api.Test;

/** What {@code POST /api/v1/anpr/reads} takes, and what it refuses before anything is enqueued. */
class ReadsResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Camera TARAJAL = new Camera("tarajal-1", "Frontera del Tarajal, salida",
            new GeoPoint(35.8717, -5.3430), 200, true);
    private static final String ONVIF = """
            <tt:Message xmlns:tt="http://www.onvif.org/ver10/schema" UtcTime="2026-11-21T09:59:59Z">
              <tt:Data><tt:ElementItem Name="LicensePlateInfo"><tt:LicensePlateInfo>
                <tt:PlateNumber Likelihood="0.75">1234BCD</tt:PlateNumber>
              </tt:LicensePlateInfo></tt:ElementItem></tt:Data>
            </tt:Message>""";
    private static final String JSON = """
            {"cameraId":"tarajal-1","capturedAt":"2026-11-21T09:59:00Z","plate":"1234BCD","confidence":0.9}""";

    // nothing reaches the broker in these tests: each read is refused or only parsed
    private final ReadsResource resource = new ReadsResource(new PlateReadParser(65_536, Duration.ofMinutes(5),
            Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC),
            id -> Optional.ofNullable(Map.of("tarajal-1", TARAJAL).get(id))), null);

    @Test
    void anOnvifEventIsReadAsFromTheCameraTheQueryNames() {
        assertThat(resource.reads(bytes(ONVIF), "tarajal-1")).singleElement().satisfies(read -> {
            assertThat(read.cameraId()).isEqualTo("tarajal-1");
            assertThat(read.plate()).isEqualTo("1234BCD");
            assertThat(read.position()).isEqualTo(TARAJAL.position());
        });
    }

    @Test
    void anOnvifEventWithoutItsCameraIsABadRequestSayingToNameIt() {
        assertThatThrownBy(() -> resource.post(bytes(ONVIF), null, as("anpr-cameras")))
                .isInstanceOfSatisfying(Problem.class, refused -> {
                    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
                    assertThat(refused.getResponse().getMediaType()).hasToString(Problem.MEDIA_TYPE);
                    assertThat(refused.getMessage())
                            .isEqualTo("an ONVIF event names no camera: add ?camera=<cameraId> to the URL");
                });
    }

    @Test
    void theCameraMustBeACameraIdOfTheRegistry() {
        assertThatThrownBy(() -> resource.reads(bytes(ONVIF), "../tarajal-1")).isInstanceOf(RejectedEvent.class)
                .hasMessage("camera must be 1-64 letters, digits, '-' or '_'");
        assertThatThrownBy(() -> resource.reads(bytes(ONVIF), "puerto-9")).isInstanceOf(RejectedEvent.class)
                .hasMessage("camera 'puerto-9' is not registered");
    }

    @Test
    void atalayaJsonNamesItsCameraInEachReadNotInTheQuery() {
        assertThat(resource.reads(bytes(JSON), null)).extracting(PlateRead::cameraId).containsExactly("tarajal-1");
        assertThatThrownBy(() -> resource.reads(bytes(JSON), "tarajal-1")).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("Atalaya JSON names it in each read's cameraId");
    }

    private static SecurityContext as(String user) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
