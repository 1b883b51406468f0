package org.atalaya.routes.vehicleregistry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.CanonicalJson;

/**
 * The connector's two routes. {@code vehicle-registry-sync} polls the ministry on a timer and
 * sends the stale-hotlist alert and its clearing to the control centres. {@code
 * vehicle-registry-notices} takes the hits on the ministry's entries off the broker's
 * {@code interior-ministry} queue, one at a time and in order, in a local JMS transaction: a
 * notice leaves the queue only when the ministry has acknowledged it.
 */
final class RegistryRoutes extends RouteBuilder {

    static final String SYNC_ROUTE = "vehicle-registry-sync";
    static final String NOTICE_ROUTE = "vehicle-registry-notices";
    /** The broker queue of the hits to report, on {@code atalaya.alerts}. */
    static final String NOTICE_QUEUE = Addresses.ALERTS + "::interior-ministry";

    private final VehicleRegistryConnector connector;
    private final long intervalMillis;

    RegistryRoutes(VehicleRegistryConnector connector, long intervalMillis) {
        this.connector = connector;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void configure() {
        from("timer:" + SYNC_ROUTE + "?delay=0&fixedRate=false&period=" + intervalMillis)
                .routeId(SYNC_ROUTE)
                .process(exchange -> connector.scheduledSync()).id("sync");

        from("jms:queue:" + NOTICE_QUEUE + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=1&maxConcurrentConsumers=1")
                .routeId(NOTICE_ROUTE)
                .process(this::notifyHit).id("notify-hit");
    }

    private void notifyHit(Exchange exchange) throws Exception {
        HitAlert alert;
        try {
            alert = CanonicalJson.mapper().readValue(exchange.getIn().getBody(byte[].class), HitAlert.class);
        } catch (JsonProcessingException unreadable) {
            throw new RejectedEvent("not a hit alert: " + unreadable.getOriginalMessage(), unreadable);
        }
        Route route = exchange.getContext().getRoute(exchange.getFromRouteId());
        // the route's consumer stops first when the connector goes: then the wait ends
        StatefulService consumer = route != null && route.getConsumer() instanceof StatefulService stateful
                ? stateful : null;
        CamelContext context = exchange.getContext();
        HitNotices.Outcome outcome = connector.notices().deliver(alert,
                () -> !context.isStopping() && (consumer == null || consumer.isRunAllowed()));
        if (outcome == HitNotices.Outcome.STOPPED) {
            // leave it first in line on the broker: the JMS transaction is rolled back
            exchange.setRollbackOnly(true);
        }
    }
}
