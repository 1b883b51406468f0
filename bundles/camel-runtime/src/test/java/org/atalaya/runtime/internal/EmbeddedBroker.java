package org.atalaya.runtime.internal;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.activemq.artemis.api.core.ActiveMQNotConnectedException;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/** A real Artemis broker on a free loopback port, in memory, for the runtime's tests. */
final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    EmbeddedBroker() throws Exception {
        int port = freePort();
        url = "tcp://127.0.0.1:" + port;
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("core", url + "?protocols=CORE");
        broker.setConfiguration(configuration);
        broker.start();
    }

    String url() {
        return url;
    }

    /** Messages on a queue, those being delivered or scheduled for redelivery included. */
    long messageCount(String queue) {
        return broker.getActiveMQServer().locateQueue(queue).getMessageCount();
    }

    boolean hasQueue(String queue) {
        return broker.getActiveMQServer().locateQueue(queue) != null;
    }

    /** Fails every client connection, as a broker restart or a network cut would. */
    void dropConnections() {
        for (RemotingConnection connection : broker.getActiveMQServer().getRemotingService().getConnections()) {
            connection.fail(new ActiveMQNotConnectedException("dropped by the test"));
        }
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
