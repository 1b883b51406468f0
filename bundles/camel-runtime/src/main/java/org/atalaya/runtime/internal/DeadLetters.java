package org.atalaya.runtime.internal;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.EventHeaders;

/**
 * The hub's shared error handling: an event whose processing fails is redelivered a few times
 * with back-off (a broker or a peer may be briefly away), unless it was rejected as invalid,
 * which no retry can mend; then it goes, as it was received, to the dead-letter address with
 * the reason, the failing route and the time in its headers. Nothing is silently dropped.
 */
final class DeadLetters {

    private static final int MAX_REASON_LENGTH = 1024;

    private DeadLetters() {
    }

    static DeadLetterChannelDefinition channel(RuntimeConfiguration config) {
        DeadLetterChannelDefinition channel = new DeadLetterChannelDefinition(
                "jms:queue:" + config.deadLetterAddress());
        channel.useOriginalMessage();
        channel.redeliveryDelay(config.redelivery_delayMillis());
        channel.useExponentialBackOff();
        channel.setRetryWhilePredicate(retryable(config.redelivery_maximum()));
        channel.setOnPrepareFailureProcessor(recordFailure());
        return channel;
    }

    /** Retries transient failures up to {@code maximum} times; never retries a rejection. */
    static Predicate retryable(int maximum) {
        return exchange -> {
            Throwable failure = failureOf(exchange);
            if (causedBy(failure, RejectedEvent.class)) {
                return false;
            }
            // The counter already includes the redelivery this answer would allow.
            int redelivery = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
            return redelivery <= maximum;
        };
    }

    static Processor recordFailure() {
        return exchange -> {
            Throwable failure = failureOf(exchange);
            Throwable reason = rootRejection(failure);
            String text = reason == null ? "unknown failure" : reason.getMessage();
            if (text == null || text.isBlank()) {
                text = reason.getClass().getSimpleName();
            }
            if (text.length() > MAX_REASON_LENGTH) {
                text = text.substring(0, MAX_REASON_LENGTH);
            }
            var message = exchange.getIn();
            message.setHeader(EventHeaders.FAILURE_REASON, text);
            message.setHeader(EventHeaders.FAILURE_TYPE,
                    reason == null ? "unknown" : reason.getClass().getName());
            message.setHeader(EventHeaders.FAILED_ROUTE, exchange.getFromRouteId());
            if (exchange.getFromEndpoint() != null) {
                message.setHeader(EventHeaders.FAILED_FROM, exchange.getFromEndpoint().getEndpointBaseUri());
            }
            message.setHeader(EventHeaders.FAILED_AT, Instant.now().toString());
        };
    }

    private static Throwable failureOf(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The rejection where there is one (its message is the reason), else the failure itself. */
    private static Throwable rootRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedEvent) {
                return t;
            }
        }
        return failure;
    }
}
