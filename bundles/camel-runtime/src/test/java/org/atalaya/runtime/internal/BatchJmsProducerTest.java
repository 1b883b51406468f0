package org.atalaya.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.atalaya.api.messaging.EventHeaders;
import org.junit.jupiter.api.Test;

class BatchJmsProducerTest extends HostOnBroker {

    @Test
    void sendsEveryEventOfTheBatchWithItsHeaders() {
        producer.sendBody("jms-batch:queue:test.send.out", List.of(
                event("read-1", Map.of("AtalayaCamera", "cam-1", EventHeaders.DUPLICATE_ID, "read-1")),
                event("read-2", Map.of("AtalayaCamera", "cam-2", EventHeaders.DUPLICATE_ID, "read-2")),
                event("read-3", Map.of("AtalayaCamera", "cam-3"))));

        List<String> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Exchange exchange = consumer.receive("jms:queue:test.send.out", 10_000);
            received.add(exchange.getIn().getBody(String.class) + "@" + exchange.getIn().getHeader("AtalayaCamera"));
        }
        assertThat(received).containsExactly("read-1@cam-1", "read-2@cam-2", "read-3@cam-3");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.send.out")).isNull();
    }

    @Test
    void aBatchThatFailsHalfWayLeavesNothingOnTheBroker() {
        List<Message> batch = List.of(event("read-1", Map.of()), event("read-2", Map.of()),
                event(new Unmappable("the JMS binding makes no message of it"), Map.of()));

        assertThatThrownBy(() -> producer.sendBody("jms-batch:queue:test.half.out", batch))
                .isInstanceOf(CamelExecutionException.class).hasStackTraceContaining("ObjectMessage");

        // the two sent before the failure were in the transaction, rolled back with it
        producer.sendBody("jms:queue:test.half.out", "after");
        assertThat(consumer.receiveBody("jms:queue:test.half.out", 10_000, String.class)).isEqualTo("after");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.half.out")).isNull();
    }

    @Test
    void aBatchSentAgainIsKeptOnceAndItsNewEventsGoThrough() {
        producer.sendBody("jms-batch:queue:test.again.out", List.of(
                event("read-1", Map.of(EventHeaders.DUPLICATE_ID, "read-1"))));
        assertThat(consumer.receiveBody("jms:queue:test.again.out", 10_000, String.class)).isEqualTo("read-1");

        // the broker refuses the batch's commit for read-1's id; the batch goes again one by one
        producer.sendBody("jms-batch:queue:test.again.out", List.of(
                event("read-1", Map.of(EventHeaders.DUPLICATE_ID, "read-1")),
                event("read-2", Map.of(EventHeaders.DUPLICATE_ID, "read-2"))));

        assertThat(consumer.receiveBody("jms:queue:test.again.out", 10_000, String.class)).isEqualTo("read-2");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.again.out")).isNull();
    }

    @Test
    void twoEventsWithTheSameDuplicateIdInOneBatchGoOutOnce() {
        producer.sendBody("jms-batch:queue:test.twice.out", List.of(
                event("read-7", Map.of(EventHeaders.DUPLICATE_ID, "read-7")),
                event("read-7", Map.of(EventHeaders.DUPLICATE_ID, "read-7")),
                event("read-8", Map.of(EventHeaders.DUPLICATE_ID, "read-8"))));

        assertThat(consumer.receiveBody("jms:queue:test.twice.out", 10_000, String.class)).isEqualTo("read-7");
        assertThat(consumer.receiveBody("jms:queue:test.twice.out", 10_000, String.class)).isEqualTo("read-8");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.twice.out")).isNull();
    }

    @Test
    void afterTheBrokerDroppedEveryConnectionABatchSentAgainGoesThroughOnce() {
        producer.sendBody("jms-batch:queue:test.dropped.out", List.of(
                event("read-1", Map.of(EventHeaders.DUPLICATE_ID, "read-1"))));
        assertThat(consumer.receiveBody("jms:queue:test.dropped.out", 10_000, String.class)).isEqualTo("read-1");

        // the session the first batch used, kept for the next, goes with its connection; until the
        // pool has found its connections gone, a batch may fail, and a camera sends it again, as
        // it does when it hears no 202
        broker.dropConnections();
        List<Message> batch = List.of(event("read-2", Map.of(EventHeaders.DUPLICATE_ID, "read-2")),
                event("read-3", Map.of(EventHeaders.DUPLICATE_ID, "read-3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                producer.sendBody("jms-batch:queue:test.dropped.out", batch);
                return true;
            } catch (CamelExecutionException connectionGone) {
                return false;
            }
        });

        assertThat(consumer.receiveBody("jms:queue:test.dropped.out", 10_000, String.class)).isEqualTo("read-2");
        assertThat(consumer.receiveBody("jms:queue:test.dropped.out", 10_000, String.class)).isEqualTo("read-3");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.dropped.out")).isNull();
        // and the sessions kept since are sound: the next batch goes at the first try
        producer.sendBody("jms-batch:queue:test.dropped.out", List.of(
                event("read-4", Map.of(EventHeaders.DUPLICATE_ID, "read-4"))));
        assertThat(consumer.receiveBody("jms:queue:test.dropped.out", 10_000, String.class)).isEqualTo("read-4");
    }

    @Test
    void refusesABodyThatIsNotAListOfMessages() {
        assertThatThrownBy(() -> producer.sendBody("jms-batch:queue:test.wrong.out", "read-1"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("a jms-batch: send takes a list of Camel messages, not java.lang.String");
        assertThatThrownBy(() -> producer.sendBody("jms-batch:queue:test.wrong.out", List.of("read-1")))
                .hasRootCauseMessage("a jms-batch: send takes a list of Camel messages; it holds a java.lang.String");
        assertThat(consumer.receiveBodyNoWait("jms:queue:test.wrong.out")).isNull();
    }

    private Message event(Object body, Map<String, Object> headers) {
        DefaultMessage message = new DefaultMessage(host.camelContext());
        message.setBody(body);
        message.setHeaders(new HashMap<>(headers));
        return message;
    }

    /** A body the hub's JMS binding refuses: it sends no Java-serialised objects. */
    private record Unmappable(String why) implements Serializable {
    }
}
