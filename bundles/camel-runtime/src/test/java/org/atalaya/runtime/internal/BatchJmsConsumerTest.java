package org.atalaya.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Message;

import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.EventHeaders;
import org.junit.jupiter.api.Test;

class BatchJmsConsumerTest extends HostOnBroker {

    @Test
    void takesWhatIsWaitingAsOneBatchWhoseSendsAreRolledBackWithItWhenOneEventFails() {
        List<String> events = List.of("e1", "e2", "e3", "e4", "e5");
        events.forEach(event -> producer.sendBody("jms:queue:test.batch.in", event));
        Set<String> seenRedelivered = ConcurrentHashMap.newKeySet();
        host.addConnector(ConnectorHostTest.connector("batch", routes -> {
            routes.errorHandler(routes.noErrorHandler());
            routes.from("jms-batch:queue:test.batch.in?consumers=1&batchSize=10").routeId("batch-route")
                    .to("jms:queue:test.batch.out")
                    .process(exchange -> {
                        String body = exchange.getIn().getBody(String.class);
                        if (exchange.getIn().getHeader("JMSRedelivered", false, Boolean.class)) {
                            seenRedelivered.add(body);
                        } else if (body.equals("e3")) {
                            throw new IllegalStateException("e3 fails the first time");
                        }
                    });
        }));

        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.add(consumer.receiveBody("jms:queue:test.batch.out", 10_000, String.class));
        }

        // each was sent once in the batch that failed and once when redelivered: the first sends went back with it
        assertThat(out).containsExactlyInAnyOrderElementsOf(events);
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.batch.out")).isNull();
        // e1 to e3 were one batch: the failure of e3 brought the two before it back; e4 and e5 came after
        assertThat(seenRedelivered).containsExactlyInAnyOrder("e1", "e2", "e3");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("test.batch.in") == 0);
    }

    @Test
    void anEventSentTwiceWithTheSameDuplicateIdGoesOutOnceAndTheBatchIsNotStuck() {
        host.addConnector(ConnectorHostTest.connector("batchdedup", routes -> routes
                .from("jms-batch:queue:test.batchdedup.in?consumers=1").routeId("batchdedup-route")
                .setHeader(EventHeaders.DUPLICATE_ID, routes.body())
                .to("jms:queue:test.batchdedup.out")));

        producer.sendBody("jms:queue:test.batchdedup.in", "read-1");
        assertThat(consumer.receiveBody("jms:queue:test.batchdedup.out", 10_000, String.class)).isEqualTo("read-1");
        producer.sendBody("jms:queue:test.batchdedup.in", "read-1");
        producer.sendBody("jms:queue:test.batchdedup.in", "read-2");

        assertThat(consumer.receiveBody("jms:queue:test.batchdedup.out", 10_000, String.class)).isEqualTo("read-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("test.batchdedup.in") == 0);
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.batchdedup.out")).isNull();
        assertThat(consumer.receiveNoWait("jms:queue:atalaya.dlq")).isNull();
    }

    @Test
    void twoEventsWithTheSameDuplicateIdInOneBatchGoOutOnce() {
        List.of("read-7", "read-7", "read-8").forEach(event -> producer.sendBody("jms:queue:test.batchtwice.in", event));
        host.addConnector(ConnectorHostTest.connector("batchtwice", routes -> routes
                .from("jms-batch:queue:test.batchtwice.in?consumers=1").routeId("batchtwice-route")
                .setHeader(EventHeaders.DUPLICATE_ID, routes.body())
                .to("jms:queue:test.batchtwice.out")));

        List<String> out = List.of(consumer.receiveBody("jms:queue:test.batchtwice.out", 10_000, String.class),
                consumer.receiveBody("jms:queue:test.batchtwice.out", 10_000, String.class));

        assertThat(out).containsExactlyInAnyOrder("read-7", "read-8");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("test.batchtwice.in") == 0);
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.batchtwice.out")).isNull();
    }

    @Test
    void anEventsPropertiesAndJmsHeadersReachEveryPartItIsSplitInto() {
        List<String> seen = new CopyOnWriteArrayList<>();
        host.addConnector(ConnectorHostTest.connector("batchsplit", routes -> routes
                .from("jms-batch:queue:test.batchsplit.in?consumers=1").routeId("batchsplit-route")
                .split(routes.body().tokenize(","))
                    .process(exchange -> seen.add(exchange.getIn().getBody(String.class) + "@"
                            + exchange.getIn().getHeader("camera") + "@"
                            + exchange.getIn().getHeader("JMSDestination") + "@"
                            + exchange.getIn().getHeader("JMSRedelivered")))
                    .to("jms:queue:test.batchsplit.out")
                .end()));

        producer.sendBodyAndHeader("jms:queue:test.batchsplit.in", "r1,r2", "Camera", "cam-7");

        List<Message> out = List.of(consumer.receive("jms:queue:test.batchsplit.out", 10_000).getIn(),
                consumer.receive("jms:queue:test.batchsplit.out", 10_000).getIn());
        assertThat(out).extracting(message -> message.getBody(String.class)).containsExactly("r1", "r2");
        assertThat(out).extracting(message -> message.getHeader("Camera")).containsOnly("cam-7");
        assertThat(seen).containsExactly("r1@cam-7@ActiveMQQueue[test.batchsplit.in]@false",
                "r2@cam-7@ActiveMQQueue[test.batchsplit.in]@false");
    }

    @Test
    void aRejectedEventInABatchIsDeadLetteredWithItsReasonAndTheOthersGoOn() {
        List.of("good-1", "bad", "good-2").forEach(event -> producer.sendBody("jms:queue:test.batchreject.in", event));
        host.addConnector(ConnectorHostTest.connector("batchreject", routes -> routes
                .from("jms-batch:queue:test.batchreject.in?consumers=1").routeId("batchreject-route")
                .process(exchange -> {
                    if (exchange.getIn().getBody(String.class).equals("bad")) {
                        throw new RejectedEvent("not a read");
                    }
                })
                .to("jms:queue:test.batchreject.out")));

        assertThat(List.of(consumer.receiveBody("jms:queue:test.batchreject.out", 10_000, String.class),
                consumer.receiveBody("jms:queue:test.batchreject.out", 10_000, String.class)))
                .containsExactlyInAnyOrder("good-1", "good-2");
        var dead = consumer.receive("jms:queue:atalaya.dlq", 10_000);
        assertThat(dead.getIn().getBody(String.class)).isEqualTo("bad");
        assertThat(dead.getIn().getHeader(EventHeaders.FAILURE_REASON)).isEqualTo("not a read");
        assertThat(dead.getIn().getHeader(EventHeaders.FAILED_ROUTE)).isEqualTo("batchreject-route");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("test.batchreject.in") == 0);
    }

    @Test
    void groupedHandsTheRouteEachBatchAsOneListAndRedeliversItAsGroupsOfOneWhenItFails() {
        List<String> events = List.of("g1", "g2", "g3", "g4");
        events.forEach(event -> producer.sendBodyAndHeader("jms:queue:test.grouped.in", event, "AtalayaPlate",
                "P-" + event));
        List<List<String>> groups = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        host.addConnector(ConnectorHostTest.connector("grouped", routes -> {
            routes.errorHandler(routes.noErrorHandler());
            routes.from("jms-batch:queue:test.grouped.in?consumers=1&batchSize=10&grouped=true").routeId("grouped-route")
                    .process(exchange -> {
                        List<String> group = new ArrayList<>();
                        for (Object each : exchange.getIn().getBody(List.class)) {
                            Message message = (Message) each;
                            group.add(message.getBody(String.class) + "=" + message.getHeader("AtalayaPlate"));
                            if (message.getHeader("JMSRedelivered", false, Boolean.class)) {
                                deliveries.put(message.getBody(String.class),
                                        message.getHeader(BatchJmsConsumer.DELIVERY_COUNT, Integer.class));
                            }
                        }
                        groups.add(group);
                        if (group.contains("g2=P-g2") && failedOnce.add("g2")) {
                            throw new IllegalStateException("the group with g2 fails the first time");
                        }
                        exchange.getIn().setBody(String.join(",", group));
                    })
                    .to("jms:queue:test.grouped.out");
        }));

        List<String> out = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String next = consumer.receiveBody("jms:queue:test.grouped.out", 1_000, String.class);
            if (next != null) {
                out.addAll(List.of(next.split(",")));
            }
            return out.size() >= events.size();
        });

        // every event came out once: the failed group's send went back with it
        assertThat(out).containsExactlyInAnyOrder("g1=P-g1", "g2=P-g2", "g3=P-g3", "g4=P-g4");
        // the group that failed came back one event at a time
        List<String> failed = groups.stream().filter(group -> group.contains("g2=P-g2")).findFirst().orElseThrow();
        assertThat(groups).containsAll(failed.stream().map(List::of).toList());
        // and each says it is the broker's second delivery, for a route that gives up on an event itself
        assertThat(deliveries).containsEntry("g2", 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("test.grouped.in") == 0);
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.grouped.out")).isNull();
    }

    @Test
    void consumesATopicThroughItsNamedDurableSubscription() {
        host.addConnector(ConnectorHostTest.connector("batchtopic", routes -> routes
                .from("jms-batch:topic:test.devices.*.readings?subscription=test-devices&consumers=2")
                .routeId("batchtopic-route")
                .process(exchange -> exchange.getIn()
                        .setBody(String.valueOf(exchange.getIn().getHeader("JMSDestination"))))
                .to("jms:queue:test.batchtopic.out")));

        // the subscription is made when a consumer thread connects; what is published before is not for it
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.hasQueue("test-devices"));
        producer.sendBody("jms:topic:test.devices.wx-hacho.readings", "{}");

        assertThat(consumer.receiveBody("jms:queue:test.batchtopic.out", 10_000, String.class))
                .contains("test.devices.wx-hacho.readings");
    }

    @Test
    void refusesAnEndpointWithoutAKindOrATopicWithoutASubscription() {
        assertThatThrownBy(() -> host.camelContext().getEndpoint("jms-batch:test.x"))
                .hasRootCauseMessage("'test.x': expected jms-batch:queue:<name> or "
                        + "jms-batch:topic:<address>?subscription=<name>");
        assertThatThrownBy(() -> host.camelContext().getEndpoint("jms-batch:topic:test.x"))
                .hasRootCauseMessage("'topic:test.x': a topic is consumed through a named durable"
                        + " subscription, a queue without one");
    }
}
