package org.atalaya.benchmarks.load;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bare Artemis broker, in a JVM of its own, on the hub's broker configuration (the
 * distribution's {@code etc/artemis.xml}: persistence, journal, sync on every send, duplicate
 * detection, addresses and queues), for {@link BrokerBaseline}. What differs: no hub, so no
 * JAAS realm (security off), and the acceptors list only the protocols this process has (CORE
 * and MQTT). Runs until its standard input closes; it is up when its CORE port answers.
 *
 * {@code java -cp benchmarks.jar org.atalaya.benchmarks.load.BareBroker <artemis.xml> <data> <corePort> <mqttPort>}
 */
public final class BareBroker {

    private static final Logger LOG = LoggerFactory.getLogger(BareBroker.class);

    private BareBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path xml = Path.of(args[0]);
        Path data = Path.of(args[1]);
        String core = args[2];
        String mqtt = args[3];
        System.setProperty("atalaya.broker.port", core);
        System.setProperty("atalaya.mqtt.port", mqtt);
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(xml.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        configuration.setBrokerInstance(data.toFile());
        configuration.setSecurityEnabled(false);
        configuration.getAcceptorConfigurations().clear();
        configuration.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + core + "?protocols=CORE;useEpoll=true");
        configuration.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + mqtt + "?protocols=MQTT;useEpoll=true");
        ActiveMQServer server = new ActiveMQServerImpl(configuration, new ActiveMQJAASSecurityManager());
        server.start();
        CountDownLatch stdinClosed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the harness closes our input to stop us
                }
            } catch (java.io.IOException closed) {
                // as good as closed
            }
            stdinClosed.countDown();
        });
        watcher.setDaemon(true);
        watcher.start();
        LOG.info("Bare broker on {}: CORE on port {}, MQTT on port {}", xml, core, mqtt);
        stdinClosed.await();
        server.stop();
    }
}
