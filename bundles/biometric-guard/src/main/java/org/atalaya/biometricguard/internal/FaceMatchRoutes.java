package org.atalaya.biometricguard.internal;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.Intake;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.CanonicalJson;

/**
 * Every match on {@code atalaya.in.face} goes to the guard, which delivers or holds it. The match
 * is consumed in a local transaction, so a failure before the guard has stored it redelivers it;
 * the guard recognises a match it has already, so a redelivery changes nothing. A message that is
 * not a canonical match is rejected (to the dead-letter address, never retried).
 */
final class FaceMatchRoutes extends RouteBuilder {

    static final String ROUTE_ID = "biometric-guard-face-matches";
    static final String INTAKE_HEADER = "AtalayaFaceIntake";

    private final BiometricGuard guard;
    private final int consumers;

    FaceMatchRoutes(BiometricGuard guard, int consumers) {
        this.guard = guard;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from("jms:queue:" + Addresses.INBOUND_FACE + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + consumers)
                .routeId(ROUTE_ID)
                .process(this::guard).id("guard");
    }

    private void guard(Exchange exchange) {
        FaceMatch match = parse(exchange.getIn().getBody(byte[].class));
        Intake intake = guard.accept(match);
        exchange.getIn().setHeader(INTAKE_HEADER, intake.name());
    }

    private static FaceMatch parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new RejectedEvent("empty message: not a canonical face match");
        }
        try {
            return CanonicalJson.mapper().readValue(body, FaceMatch.class);
        } catch (IOException | IllegalArgumentException | NullPointerException notAMatch) {
            throw new RejectedEvent("not a canonical face match: " + notAMatch.getMessage(), notAMatch);
        }
    }
}
