package org.atalaya.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.atalaya.api.messaging.EventHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private final DefaultExchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void theEventAsItArrivedWithTheReasonTheRouteAndWhereItCameFrom() {
        Message event = new DefaultMessage(exchange);
        event.setBody("{\"plate\":");
        event.setHeader("JMSDestination", "atalaya.anpr.cam-7.reads");

        Message dead = DeadLetter.of(event, "not a canonical plate read: truncated", new IllegalArgumentException("x"),
                "correlation-anpr", "atalaya.in.anpr");

        assertThat(dead).isNotSameAs(event);
        assertThat(dead.getBody(String.class)).isEqualTo("{\"plate\":");
        assertThat(dead.getHeader("JMSDestination")).isEqualTo("atalaya.anpr.cam-7.reads");
        assertThat(dead.getHeader(EventHeaders.FAILURE_REASON)).isEqualTo("not a canonical plate read: truncated");
        assertThat(dead.getHeader(EventHeaders.FAILURE_TYPE)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(dead.getHeader(EventHeaders.FAILED_ROUTE)).isEqualTo("correlation-anpr");
        assertThat(dead.getHeader(EventHeaders.FAILED_FROM)).isEqualTo("atalaya.in.anpr");
        assertThat(dead.getHeader(EventHeaders.FAILED_AT, String.class)).isNotBlank();
        assertThat(event.getHeader(EventHeaders.FAILURE_REASON)).as("the event itself is left as it was").isNull();
    }

    @Test
    void withoutAReasonTheFailureSaysWhyAndALongReasonIsCut() {
        Message event = new DefaultMessage(exchange);
        assertThat(DeadLetter.of(event, null, new IllegalStateException("plate is missing"), "r", "f")
                .getHeader(EventHeaders.FAILURE_REASON)).isEqualTo("plate is missing");
        assertThat(DeadLetter.of(event, " ", new IllegalStateException(), "r", "f")
                .getHeader(EventHeaders.FAILURE_REASON)).isEqualTo("IllegalStateException");
        assertThat(DeadLetter.of(event, "x".repeat(5000), new IllegalStateException(), "r", "f")
                .getHeader(EventHeaders.FAILURE_REASON, String.class)).hasSize(1024);
    }
}
