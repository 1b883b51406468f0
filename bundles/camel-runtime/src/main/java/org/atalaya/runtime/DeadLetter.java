package org.atalaya.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.atalaya.api.messaging.EventHeaders;

/**
 * Dead letters made by a route that takes a batch as one exchange ({@code jms-batch} with
 * {@code grouped=true}), where the hub's shared dead-letter channel cannot name the one event
 * that failed: the event as it arrived, with the reason, the route, where it came from and when,
 * in the headers the dead-letter channel uses. Send it to {@code atalaya.dlq} in the batch's
 * transaction.
 */
public final class DeadLetter {

    private static final int MAX_REASON_LENGTH = 1024;

    private DeadLetter() {
    }

    /**
     * @param event  the event as the route received it (copied, not changed)
     * @param reason why it is not processed; the failure's message when blank
     * @param failure what failed
     * @param route  the route's id
     * @param from   where the event came from (an address, an endpoint)
     */
    public static Message of(Message event, String reason, Throwable failure, String route, String from) {
        Message dead = event.copy();
        headers(reason, failure, route, from).forEach(dead::setHeader);
        return dead;
    }

    /**
     * The headers of a dead letter, in order, for those made without Camel (a broker's divert):
     * {@link EventHeaders#FAILURE_REASON} (the failure's message when {@code reason} is blank, cut
     * at 1,024 characters), {@link EventHeaders#FAILURE_TYPE}, {@link EventHeaders#FAILED_ROUTE},
     * {@link EventHeaders#FAILED_FROM} and {@link EventHeaders#FAILED_AT}.
     */
    public static Map<String, String> headers(String reason, Throwable failure, String route, String from) {
        String text = reason == null || reason.isBlank() ? failure.getMessage() : reason;
        if (text == null || text.isBlank()) {
            text = failure.getClass().getSimpleName();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.FAILURE_REASON,
                text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text);
        headers.put(EventHeaders.FAILURE_TYPE, failure.getClass().getName());
        headers.put(EventHeaders.FAILED_ROUTE, route);
        headers.put(EventHeaders.FAILED_FROM, from);
        headers.put(EventHeaders.FAILED_AT, Instant.now().toString());
        return headers;
    }
}
