package org.atalaya.biometricguard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.Official;
import org.atalaya.store.jdbc.Database;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The guard's route, with the guard on a real (H2) database; only the broker is left out. */
class FaceMatchRoutesTest extends CamelTestSupport {

    private static final String MATCH = """
            {"id":"puerto-1-000042","cameraId":"puerto-1","capturedAt":"%s","watchlistEntryId":"wl-7",
             "similarity":0.93,"imageRef":"https://vms.ceuta.example/puerto-1/000042.jpg"}""";

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private FaceMatchGuard guard;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:guard-route-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        guard = new FaceMatchGuard(Database.open(h2), audit, java.time.Clock.systemUTC(),
                new GuardSettings(Duration.ofMinutes(10), Duration.ofHours(24), "national-police", "justice", 2));
        return new FaceMatchRoutes(guard, 1);
    }

    private void consumeFromDirect() throws Exception {
        AdviceWith.adviceWith(context, FaceMatchRoutes.ROUTE_ID, route -> route.replaceFromWith("direct:in-face"));
        context.start();
    }

    @Test
    void consumesTheInboundFaceQueueInATransaction() {
        String uri = context.getRouteDefinition(FaceMatchRoutes.ROUTE_ID).getInput().getEndpointUri();
        assertThat(uri).startsWith("jms:queue:atalaya.in.face?").contains("transacted=true");
    }

    @Test
    void handsEachMatchToTheGuardWhichHoldsItWithoutAnAuthorisation() throws Exception {
        consumeFromDirect();

        Exchange done = template.send("direct:in-face", exchange -> exchange.getIn().setBody(match(Instant.now())));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(FaceMatchRoutes.INTAKE_HEADER)).isEqualTo(Intake.HELD.name());
        assertThat(guard.matches("national-police", new MatchQuery(null, null, 0, 10))).isEmpty();
    }

    @Test
    void deliversAMatchAnAuthorisationCoversAndTakesARedeliveryOnce() throws Exception {
        consumeFromDirect();
        Instant now = Instant.now();
        guard.register(new AuthorisationRequest("JI-3-2026-0412", List.of("wl-7"), List.of("puerto-1"),
                now.minusSeconds(3600), now.plusSeconds(3600), "terrorism"), new Official("juez-3", "justice"));

        Exchange first = template.send("direct:in-face", exchange -> exchange.getIn().setBody(match(now)));
        Exchange again = template.send("direct:in-face", exchange -> exchange.getIn().setBody(match(now)));

        assertThat(first.getMessage().getHeader(FaceMatchRoutes.INTAKE_HEADER)).isEqualTo(Intake.DELIVERED.name());
        assertThat(again.getMessage().getHeader(FaceMatchRoutes.INTAKE_HEADER)).isEqualTo(Intake.DUPLICATE.name());
        assertThat(guard.matches("national-police", new MatchQuery(null, null, 0, 10))).hasSize(1);
    }

    @Test
    void rejectsWhatIsNotACanonicalMatchSoItIsNeverRetried() throws Exception {
        consumeFromDirect();

        for (String body : List.of("not json", "{\"id\":\"x\"}", MATCH.formatted(Instant.now()).replace("0.93", "7"))) {
            assertThatThrownBy(() -> template.sendBody("direct:in-face", body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(RejectedEvent.class)
                    .hasMessageStartingWith("not a canonical face match");
        }
    }

    private static byte[] match(Instant capturedAt) {
        return MATCH.formatted(capturedAt).getBytes(StandardCharsets.UTF_8);
    }
}
