package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.atalaya.itests.echo.EchoActivator;
import org.atalaya.itests.echo.EchoConnector;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Connectors come and go at runtime: installing a route bundle starts its routes, removing it
 * stops exactly those, the others keep running, and what devices publish meanwhile waits on the
 * broker and is delivered when the connector is back.
 */
public class HotDeployIT extends AtalayaTestSupport {

    private static final String SENSORS_ROUTE = "city-sensors-readings";

    @Test
    public void connectorsAreDeployedAndRemovedAtRuntimeWithoutLosingAnything() throws Exception {
        ProducerTemplate producer = camel.createProducerTemplate();
        ConsumerTemplate consumer = camel.createConsumerTemplate();

        // A route bundle installed at runtime starts routing.
        Bundle echo = bundleContext.installBundle("itest:echo-connector", echoConnectorBundle());
        echo.start();
        assertNotNull(camel.getRoute(EchoConnector.ROUTE_ID));
        producer.sendBody(EchoConnector.IN, "ping");
        assertEquals("ping", consumer.receiveBody(EchoConnector.OUT, WAIT.toMillis(), String.class));

        // The city sensors connector is removed: its route goes, the echo route stays.
        features.uninstallFeature("atalaya-city-sensors");
        assertNull(camel.getRoute(SENSORS_ROUTE));
        assertNotNull(camel.getRoute(EchoConnector.ROUTE_ID));

        // Sensors go on publishing; the broker accepts and keeps their readings.
        List<String> publishedMeanwhile = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = uniqueId("en-port-" + i);
            publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/wx-monte-hacho/readings",
                    reading(id, "wx-monte-hacho", 15 + i / 10.0));
            publishedMeanwhile.add(id);
        }
        producer.sendBody(EchoConnector.IN, "still here");
        assertEquals("still here", consumer.receiveBody(EchoConnector.OUT, WAIT.toMillis(), String.class));
        assertNull(consumer.receiveNoWait(inboundSensorEvent(publishedMeanwhile.get(0))));

        // Back again: every reading published while it was away arrives.
        features.installFeature("atalaya-city-sensors");
        assertNotNull(camel.getRoute(SENSORS_ROUTE));
        for (String id : publishedMeanwhile) {
            assertNotNull("reading " + id + " was kept and delivered",
                    consumer.receive(inboundSensorEvent(id), WAIT.toMillis()));
        }

        // The echo bundle is removed: its route goes, the sensors keep flowing.
        echo.uninstall();
        assertNull(camel.getRoute(EchoConnector.ROUTE_ID));
        fence("wx-monte-hacho");
    }

    /** A route bundle made on the spot: the echo connector and its activator. */
    private static InputStream echoConnectorBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.atalaya.itests.echo");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", EchoActivator.class.getName());
        main.putValue("Import-Package", "org.apache.camel;version=\"[4.22,5)\","
                + "org.apache.camel.builder;version=\"[4.22,5)\",org.apache.camel.model;version=\"[4.22,5)\","
                + "org.atalaya.runtime;version=\"[0.1,1)\",org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : List.of(EchoConnector.class, EchoActivator.class)) {
                String prefix = type.getName().replace('.', '/');
                add(jar, type, prefix + ".class");
            }
            add(jar, EchoConnector.class, EchoConnector.class.getName().replace('.', '/') + "$1.class");
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void add(JarOutputStream jar, Class<?> owner, String entry) throws IOException {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("class file not found: " + entry);
            }
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
