package org.atalaya.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.atalaya.runtime.BrokerFull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch posted while the hub's broker holds senders back for lack of disk is refused at once,
 * on a real persistent broker in this JVM, reached over its in-VM acceptor as the hub reaches its
 * own. Without the refusal, the send waits for the broker's credits until space is freed (here,
 * never), and the test's time limit fails it.
 */
class BrokerDiskFullTest {

    private static final String IN_VM = "vm://47";

    @TempDir
    Path data;

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final ConnectorHost host = new ConnectorHost();

    @AfterEach
    void stop() throws Exception {
        host.stop();
        broker.stop();
    }

    @Test
    void aBatchIsRefusedAtOnceWhileTheBrokersDiskIsFullAndNothingOfItIsSent() throws Exception {
        // more free space than any disk has: the broker counts its disk full from its first scan
        ActiveMQServer server = start(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(30)).until(() -> ConnectorHost.diskFull(server));
        host.embeddedBroker = server;
        host.start(ConnectorHostTest.configuration(IN_VM));

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> host.camelContext()
                .createProducerTemplate().sendBody("jms-batch:queue:test.full.out", List.of(event("read-1"))))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(BrokerFull.class));

        Queue queue = server.locateQueue("test.full.out");
        assertThat(queue == null ? 0 : queue.getMessageCount()).isZero();
    }

    @Test
    void aBatchGoesThroughWhileTheBrokerHasRoom() throws Exception {
        ActiveMQServer server = start(0);
        host.embeddedBroker = server;
        host.start(ConnectorHostTest.configuration(IN_VM));

        host.camelContext().createProducerTemplate().sendBody("jms-batch:queue:test.room.out",
                List.of(event("read-1"), event("read-2")));

        assertThat(ConnectorHost.diskFull(server)).isFalse();
        // the broker adds a committed transaction's messages to their queue once its journal synced
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(server.locateQueue("test.room.out").getMessageCount()).isEqualTo(2));
    }

    private ActiveMQServer start(long minDiskFree) throws Exception {
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setSecurityEnabled(false)
                // only the free space counts here, not the share of the disk in use
                .setMaxDiskUsage(100)
                .setMinDiskFree(minDiskFree)
                .setDiskScanPeriod(100)
                .addAcceptorConfiguration("in-vm", IN_VM));
        broker.start();
        return broker.getActiveMQServer();
    }

    private Message event(String body) {
        Message event = new DefaultMessage(host.camelContext());
        event.setBody(body);
        return event;
    }
}
