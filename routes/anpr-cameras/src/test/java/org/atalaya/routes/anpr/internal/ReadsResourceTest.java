package org.atalaya.routes.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.runtime.BrokerFull;
import org.atalaya.security.rest.Problem;
import org.atalaya.security.rest.ProblemMapper;
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

    private final PlateReadParser parser = new PlateReadParser(65_536, Duration.ofMinutes(5), Duration.ofDays(1),
            Clock.fixed(NOW, ZoneOffset.UTC), id -> Optional.ofNullable(Map.of("tarajal-1", TARAJAL).get(id)));
    // nothing reaches the broker in these tests: each read is refused or only parsed
    private final ReadsResource resource = new ReadsResource(parser, null);

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

    @Test
    void aPostWhileTheBrokersDiskIsFullIsAnsweredUnavailableWithWhenToSendItAgain() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // how the runtime's jms-batch: refuses a batch while the broker's disk is full, without
            // waiting for it (camel-runtime's BrokerDiskFullTest, on a real broker)
            camel.addComponent("jms-batch", new DefaultComponent() {
                @Override
                protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
                    return new DefaultEndpoint(uri, this) {
                        @Override
                        public Producer createProducer() {
                            return new DefaultProducer(this) {
                                @Override
                                public void process(Exchange exchange) {
                                    throw new BrokerFull("The broker's disk is full");
                                }
                            };
                        }

                        @Override
                        public Consumer createConsumer(Processor processor) {
                            throw new UnsupportedOperationException();
                        }
                    };
                }
            });
            camel.start();

            ReadsResource posting = new ReadsResource(parser, camel.createProducerTemplate());
            // answered by the gate's problem mapper, as every endpoint's errors are
            Response answer = new ProblemMapper().toResponse(
                    catchThrowable(() -> posting.post(bytes(JSON), null, as("anpr-cameras"))));

            assertThat(answer.getStatus()).isEqualTo(503);
            assertThat(answer.getHeaderString(HttpHeaders.RETRY_AFTER))
                    .isEqualTo(String.valueOf(BrokerFull.RETRY_AFTER_SECONDS));
            assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
            assertThat((String) answer.getEntity()).contains("The hub's storage is full");
        }
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
