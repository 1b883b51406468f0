package org.atalaya.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker's own ceiling on this machine: the same cameras (connections, window, payload,
 * QoS 1) publishing to a bare Artemis ({@link BareBroker}) on the hub's configuration, and
 * {@code consumers} transacted consumers taking the reads off the durable subscription queue the
 * hub's ANPR connector reads, committing each as the connector does. Nothing else: no
 * validation, no matching, no second hop, no database.
 */
final class BrokerBaseline {

    private final LoadRun.Options options;
    private final Report report;

    BrokerBaseline(LoadRun.Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /** Returns the reads/s the bare broker carried end to end (published and consumed). */
    double run() throws Exception {
        Path home = options.work().resolve("broker");
        Files.createDirectories(home);
        int core = Hub.freePort();
        int mqtt = Hub.freePort();
        Path xml = options.assembly().resolve("etc/artemis.xml");
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms2048M", "-Xmx2048M", "-cp", System.getProperty("java.class.path"), BareBroker.class.getName(),
                xml.toAbsolutePath().toString(), home.toAbsolutePath().toString(), Integer.toString(core),
                Integer.toString(mqtt))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        try {
            awaitListening(broker, core);
            return measure(broker.pid(), core, mqtt);
        } finally {
            broker.getOutputStream().close();
            if (!broker.waitFor(1, TimeUnit.MINUTES)) {
                broker.destroyForcibly();
            }
        }
    }

    /** Waits until the broker's CORE port takes a connection, for at most a minute. */
    private static void awaitListening(Process broker, int core) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try (Connection probe = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + core
                    + "?initialConnectAttempts=1").createConnection()) {
                return;
            } catch (jakarta.jms.JMSException notYet) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bare broker did not start: see its broker.log", notYet);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private double measure(long pid, int core, int mqtt) throws Exception {
        Workload workload = new Workload("b", options.entries(), 100, 0);
        List<String> cameras = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            cameras.add(String.format(Locale.ROOT, "bench-cam-%03d", i));
        }
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean consuming = new AtomicBoolean(true);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + core);
        List<Thread> consumers = new ArrayList<>();
        try (Connection connection = factory.createConnection();
                MqttFleet fleet = new MqttFleet("tcp://127.0.0.1:" + mqtt, "anpr-cameras", "unused-bare-broker",
                        cameras, options.window(), workload.payloads(cameras), n -> { })) {
            connection.start();
            for (int c = 0; c < options.consumers(); c++) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(
                        session.createQueue("atalaya.anpr.*.reads::atalaya-anpr-cameras"));
                consumers.add(Testbed.started("bare-consumer-" + c, () -> {
                    try {
                        while (consuming.get()) {
                            if (consumer.receive(200) != null) {
                                session.commit();
                                consumed.incrementAndGet();
                            }
                        }
                    } catch (jakarta.jms.JMSException failed) {
                        throw new IllegalStateException(failed);
                    }
                }));
            }
            if (!fleet.connect()) {
                throw new IllegalStateException("the cameras could not connect to the bare broker");
            }
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicLong next = new AtomicLong();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                senders.add(Testbed.started("bare-sender-" + t, () -> {
                    try {
                        while (sending.get()) {
                            if (!fleet.send(next.getAndIncrement())) {
                                throw new IllegalStateException("a camera lost its connection to the bare broker");
                            }
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            long start = System.nanoTime();
            ProcessStats cpuAtWarm = null;
            long warm = 0;
            for (int second = 1; second <= options.seconds(); second++) {
                LockSupport.parkNanos(start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime());
                if (second == options.warmupSeconds()) {
                    warm = fleet.accepted();
                    cpuAtWarm = ProcessStats.of(pid);
                }
                if (second % 10 == 0) {
                    report.line("  bare broker %3d s: %,d accepted, %,d consumed", second, fleet.accepted(),
                            consumed.get());
                }
            }
            sending.set(false);
            for (Thread sender : senders) {
                sender.join();
            }
            fleet.drain(TimeUnit.MINUTES.toMillis(1));
            double sendSeconds = Testbed.seconds(start);
            ProcessStats cpuAtEnd = ProcessStats.of(pid);
            long accepted = fleet.accepted();
            // as the hub's throughput phase: the consumers get a minute to catch up, then what they took counts
            while (consumed.get() < accepted && Testbed.seconds(start) < sendSeconds + 60) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            double doneSeconds = Testbed.seconds(start);
            consuming.set(false);
            for (Thread consumer : consumers) {
                consumer.join();
            }
            double endToEnd = Math.min(accepted, consumed.get()) / doneSeconds;
            report.line("BASELINE bare broker: %,d reads accepted in %.1f s, %,.0f reads/s accepted after the warm-up; "
                    + "%,d consumed %.1f s after the first: %,.0f reads/s end to end; broker CPU %.2f cores; "
                    + "%d transacted consumers", accepted, sendSeconds,
                    (accepted - warm) / (sendSeconds - options.warmupSeconds()), consumed.get(), doneSeconds, endToEnd,
                    cpuAtEnd.coresSince(cpuAtWarm, sendSeconds - options.warmupSeconds()), options.consumers());
            return endToEnd;
        }
    }
}
