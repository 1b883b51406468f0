package org.atalaya.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.Connector;
import org.junit.jupiter.api.Test;

class ConnectorHostTest extends HostOnBroker {

    @Test
    void addsAConnectorsRoutesAndRemovesExactlyThoseWhenItGoes() {
        Connector echo = connector("echo", "jms:queue:test.echo.in", "jms:queue:test.echo.out");
        Connector other = connector("other", "jms:queue:test.other.in", "jms:queue:test.other.out");

        host.addConnector(echo);
        host.addConnector(other);
        assertThat(host.deployedRoutes()).containsEntry("echo", java.util.List.of("echo-route"))
                .containsEntry("other", java.util.List.of("other-route"));

        host.removeConnector(echo);

        assertThat(host.camelContext().getRoute("echo-route")).isNull();
        assertThat(host.camelContext().getRoute("other-route")).isNotNull();
        producer.sendBody("jms:queue:test.other.in", "still running");
        assertThat(consumer.receiveBody("jms:queue:test.other.out", 10_000, String.class)).isEqualTo("still running");
    }

    @Test
    void connectorsBoundBeforeTheContextStartsAreDeployedWhenItStarts() throws Exception {
        host.stop();
        host.addConnector(connector("early", "jms:queue:test.early.in", "jms:queue:test.early.out"));
        assertThat(host.deployedRoutes()).containsEntry("early", java.util.List.of());

        host.start(configuration(broker.url()));

        assertThat(host.deployedRoutes()).containsEntry("early", java.util.List.of("early-route"));
        producer = host.camelContext().createProducerTemplate();
        consumer = host.camelContext().createConsumerTemplate();
        producer.sendBody("jms:queue:test.early.in", "hello");
        assertThat(consumer.receiveBody("jms:queue:test.early.out", 10_000, String.class)).isEqualTo("hello");
    }

    @Test
    void aRejectedEventGoesToTheDeadLetterAddressWithItsReasonWithoutRedelivery() {
        AtomicInteger attempts = new AtomicInteger();
        host.addConnector(failing("strict", "jms:queue:test.strict.in", attempts,
                new RejectedEvent("plate has 14 characters, at most 11 allowed")));

        producer.sendBody("jms:queue:test.strict.in", "{\"plate\":\"TOOLONGPLATE123\"}");

        Exchange dead = consumer.receive("jms:queue:atalaya.dlq", 10_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getIn().getBody(String.class)).isEqualTo("{\"plate\":\"TOOLONGPLATE123\"}");
        assertThat(dead.getIn().getHeader(EventHeaders.FAILURE_REASON))
                .isEqualTo("plate has 14 characters, at most 11 allowed");
        assertThat(dead.getIn().getHeader(EventHeaders.FAILED_ROUTE)).isEqualTo("strict-route");
        assertThat(dead.getIn().getHeader(EventHeaders.FAILURE_TYPE)).isEqualTo(RejectedEvent.class.getName());
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTransientFailureIsRedeliveredThenDeadLetteredWithItsReason() {
        AtomicInteger attempts = new AtomicInteger();
        host.addConnector(failing("flaky", "jms:queue:test.flaky.in", attempts,
                new IllegalStateException("registry unreachable")));

        producer.sendBody("jms:queue:test.flaky.in", "event");

        Exchange dead = consumer.receive("jms:queue:atalaya.dlq", 10_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getIn().getHeader(EventHeaders.FAILURE_REASON)).isEqualTo("registry unreachable");
        assertThat(attempts).hasValue(1 + 2);
    }

    @Test
    void aRouteTakingWholeBatchesHasNoDeadLetterChannelItsFailedBatchComesBackFromTheBroker() {
        AtomicInteger attempts = new AtomicInteger();
        host.addConnector(connector("wholebatch", routes -> routes
                .from("jms-batch:queue:test.wholebatch.in?consumers=1&grouped=true").routeId("wholebatch-route")
                .process(exchange -> {
                    attempts.incrementAndGet();
                    Message event = (Message) exchange.getIn().getBody(List.class).get(0);
                    // fails until the broker delivers it again: a retry in place would fail each time
                    if (!event.getHeader("JMSRedelivered", false, Boolean.class)) {
                        throw new IllegalStateException("the store is away");
                    }
                    exchange.getIn().setBody(event.getBody());
                })
                .to("jms:queue:test.wholebatch.out")));

        producer.sendBody("jms:queue:test.wholebatch.in", "batch-1");

        // redelivered by the broker, not retried in place and then dead-lettered as a list
        assertThat(consumer.receiveBody("jms:queue:test.wholebatch.out", 10_000, String.class)).isEqualTo("batch-1");
        assertThat(attempts).hasValue(2);
        assertThat(consumer.receiveNoWait("jms:queue:atalaya.dlq")).isNull();
    }

    @Test
    void anEventSentTwiceWithTheSameDuplicateIdIsAcceptedOnceAndNeverDeadLettered() {
        host.addConnector(connector("dedup", routes -> routes.from("jms:queue:test.dedup.in?transacted=true")
                .routeId("dedup-route")
                .setHeader(EventHeaders.DUPLICATE_ID, routes.body())
                .to("jms:queue:test.dedup.out")));

        producer.sendBody("jms:queue:test.dedup.in", "read-1");
        producer.sendBody("jms:queue:test.dedup.in", "read-1");
        producer.sendBody("jms:queue:test.dedup.in", "read-2");

        assertThat(consumer.receiveBody("jms:queue:test.dedup.out", 10_000, String.class)).isEqualTo("read-1");
        assertThat(consumer.receiveBody("jms:queue:test.dedup.out", 10_000, String.class)).isEqualTo("read-2");
        assertThat(consumer.receiveNoWait("jms:queue:test.dedup.out")).isNull();
        assertThat(consumer.receiveNoWait("jms:queue:atalaya.dlq")).isNull();
    }

    @Test
    void aConnectorWhoseRoutesCannotBeBuiltIsLeftOutAndTheHubKeepsRunning() {
        host.addConnector(connector("fine", "jms:queue:test.fine.in", "jms:queue:test.fine.out"));
        host.addConnector(connector("broken",
                routes -> routes.from("no-such-component:anything").routeId("broken-route").to("log:never")));

        assertThat(host.deployedRoutes()).containsEntry("broken", java.util.List.of());
        assertThat(host.camelContext().getRoute("broken-route")).isNull();
        producer.sendBody("jms:queue:test.fine.in", "ok");
        assertThat(consumer.receiveBody("jms:queue:test.fine.out", 10_000, String.class)).isEqualTo("ok");
    }

    private static Connector connector(String name, String from, String to) {
        return connector(name, routes -> routes.from(from).routeId(name + "-route").to(to));
    }

    private static Connector failing(String name, String from, AtomicInteger attempts, RuntimeException failure) {
        return connector(name, routes -> routes.from(from).routeId(name + "-route").process(exchange -> {
            attempts.incrementAndGet();
            throw failure;
        }));
    }

    /** A connector whose routes {@code configure} builds, each time anew. */
    static Connector connector(String name, Consumer<RouteBuilder> configure) {
        return new Connector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RoutesBuilder routes() {
                return new RouteBuilder() {
                    @Override
                    public void configure() {
                        configure.accept(this);
                    }
                };
            }
        };
    }

    static RuntimeConfiguration configuration(String brokerUrl) {
        return new RuntimeConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RuntimeConfiguration.class;
            }

            @Override
            public String broker_url() {
                return brokerUrl;
            }

            @Override
            public String broker_user() {
                return "hub";
            }

            @Override
            public String broker_password() {
                return "not-checked-by-the-test-broker";
            }

            @Override
            public int broker_maxConnections() {
                return 2;
            }

            @Override
            public String deadLetterAddress() {
                return "atalaya.dlq";
            }

            @Override
            public int redelivery_maximum() {
                return 2;
            }

            @Override
            public long redelivery_delayMillis() {
                return 10;
            }

            @Override
            public int shutdownTimeoutSeconds() {
                return 5;
            }
        };
    }
}
