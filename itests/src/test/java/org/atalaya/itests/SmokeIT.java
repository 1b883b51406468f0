package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.atalaya.api.messaging.EventHeaders;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The distribution as a newcomer gets it: bundles up, broker accepting, MQTT in, shell. */
public class SmokeIT extends AtalayaTestSupport {

    @Test
    public void everyAtalayaBundleIsActive() {
        List<String> atalaya = new ArrayList<>();
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (bundle.getSymbolicName().startsWith("org.atalaya")) {
                atalaya.add(bundle.getSymbolicName());
            }
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " " + bundle.getState());
            }
        }
        Collections.sort(atalaya);
        assertEquals(Arrays.asList("org.atalaya.atalaya-anpr-cameras", "org.atalaya.atalaya-api",
                "org.atalaya.atalaya-audit", "org.atalaya.atalaya-biometric-guard", "org.atalaya.atalaya-camel-runtime",
                "org.atalaya.atalaya-city-sensors", "org.atalaya.atalaya-console", "org.atalaya.atalaya-control-centres",
                "org.atalaya.atalaya-correlation", "org.atalaya.atalaya-face-cameras", "org.atalaya.atalaya-security",
                "org.atalaya.atalaya-store", "org.atalaya.atalaya-vehicle-registry",
                "org.atalaya.atalaya-vehicle-registry-contract"), atalaya);
        assertEquals("bundles not active", List.of(), notActive);
    }

    @Test
    public void aSensorReadingPublishedOverMqttComesOutCanonicalOnTheInboundAddress() throws Exception {
        String id = uniqueId("wx-hacho");

        publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/wx-hacho/readings", reading(id, "wx-hacho", 19.5));

        ConsumerTemplate consumer = camel.createConsumerTemplate();
        Exchange event = consumer.receive(inboundSensorEvent(id), WAIT.toMillis());
        assertNotNull("the reading reached atalaya.in.sensors", event);
        String body = event.getIn().getBody(String.class);
        assertTrue(body, body.contains("\"sensorId\":\"wx-hacho\""));
        assertTrue(body, body.contains("\"quantity\":\"air_temperature\""));
        assertEquals(id, event.getIn().getHeader(EventHeaders.DUPLICATE_ID));
    }

    @Test
    public void aReadingPublishedTwiceIsAcceptedOnce() throws Exception {
        String id = uniqueId("tr-tarajal");

        publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/tr-tarajal/readings", reading(id, "tr-tarajal", 21));
        publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/tr-tarajal/readings", reading(id, "tr-tarajal", 21));
        fence("tr-tarajal");

        ConsumerTemplate consumer = camel.createConsumerTemplate();
        assertNotNull(consumer.receive(inboundSensorEvent(id), WAIT.toMillis()));
        assertNull("no second copy", consumer.receiveNoWait(inboundSensorEvent(id)));
        assertNull("a duplicate is not a failure", consumer.receiveNoWait(
                "jms:queue:atalaya.dlq?selector=AtalayaFailedRoute='city-sensors-readings' AND AtalayaEventId='" + id + "'"));
    }

    @Test
    public void anInvalidReadingGoesToTheDeadLetterAddressWithItsReason() throws Exception {
        String id = uniqueId("wx-port");
        String payload = reading(id, "wx-port", 71.0);

        publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/wx-port/readings", payload);

        ConsumerTemplate consumer = camel.createConsumerTemplate();
        Exchange dead = consumer.receive("jms:queue:atalaya.dlq?selector=AtalayaFailedRoute='city-sensors-readings'"
                + " AND AtalayaFailureReason LIKE '%outside [-50, 60] Cel%'", WAIT.toMillis());
        assertNotNull("the reading was dead-lettered", dead);
        assertTrue(dead.getIn().getBody(String.class).contains(id));
        assertNull(consumer.receiveNoWait(inboundSensorEvent(id)));
    }

    @Test
    public void aDeviceMayPublishOnlyOnDeviceTopics() throws Exception {
        assertThrows(MqttException.class,
                () -> publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/alerts", "{\"kind\":\"forged\"}"));
        assertThrows(MqttException.class,
                () -> publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/in/sensors", "{}"));
    }

    @Test
    public void theApiIsServedUnderSlashApiToAuthenticatedCallersOnly() throws Exception {
        HttpClient client = Rest.client();
        HttpResponse<String> anonymous = client.send(Rest.request(
                URI.create(Rest.base() + "/api/v1/alerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> listing = client.send(Rest.request(
                URI.create(Rest.base() + "/api")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(listing.body(), listing.body().contains("/v1"));
    }

    @Test
    public void nothingListensOnANonLoopbackAddress() throws Exception {
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .collect(Collectors.toList());
        List<Integer> ports = List.of(port("mqtt"), port("broker"), port("https"),
                Integer.parseInt(executeCommand("config:property-get --pid org.apache.karaf.shell sshPort").trim()));
        List<String> reachable = new ArrayList<>();
        for (InetAddress address : external) {
            for (int port : ports) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2000);
                    reachable.add(address.getHostAddress() + ":" + port);
                } catch (IOException refused) {
                    // what we want
                }
            }
        }
        assertEquals(List.of(), reachable);
    }

    @Test
    public void theHubReachesItsBrokerInTheSameJvmNotThroughTheLoopback() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName broker = broker(jmx);
        JsonNode connections = new ObjectMapper().readTree(
                (String) jmx.invoke(broker, "listConnectionsAsJSON", new Object[0], new String[0]));
        List<String> core = new ArrayList<>();
        for (JsonNode connection : connections) {
            // the CORE protocol's connections: the hub's own, the only CORE client here
            if (connection.path("implementation").asText().equals("RemotingConnectionImpl")) {
                core.add(connection.path("clientAddress").asText());
            }
        }
        assertFalse("the hub is connected", core.isEmpty());
        assertEquals("every CORE connection is in-VM", List.of(), core.stream()
                .filter(address -> !address.startsWith("invm:")).collect(Collectors.toList()));
    }

    @Test
    public void theBrokerJournalsWithLinuxAioWhereTheMachineHasLibaio() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName broker = broker(jmx);
        String journal = (String) jmx.getAttribute(broker, "JournalType");
        // Artemis's native library is built for x86-64 Linux and loads libaio.so.1 (Debian 12: libaio1)
        boolean libaio = "amd64".equals(System.getProperty("os.arch"))
                && Stream.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64")
                        .anyMatch(dir -> Files.exists(Path.of(dir, "libaio.so.1")));
        assertEquals("the journal's type with" + (libaio ? "" : "out") + " libaio.so.1 (AIO also needs a journal"
                + " directory on a file system that takes O_DIRECT, as ext4 and xfs do and tmpfs does not)",
                libaio ? "ASYNCIO" : "NIO", journal);
        assertTrue("every write synced", (Boolean) jmx.getAttribute(broker, "JournalSyncTransactional")
                && (Boolean) jmx.getAttribute(broker, "JournalSyncNonTransactional"));
    }

    /** The embedded broker's MBean: the hub runs one. */
    private static ObjectName broker(MBeanServer jmx) throws Exception {
        return jmx.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null).iterator().next();
    }

    @Test
    public void theShellAnswers() throws Exception {
        String bundles = executeCommand("bundle:list -s");
        assertTrue(bundles, bundles.contains("org.atalaya.atalaya-camel-runtime"));
        String installed = executeCommand("feature:list -i");
        assertTrue(installed, installed.contains("atalaya-city-sensors"));
    }
}
