package org.atalaya.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.Test;

/**
 * The demo, as ./atalaya.sh installs it: its simulated ANPR and face-recognition cameras log in
 * with the account bin/atalaya-init writes to their settings, and publish over MQTT like real
 * devices. Runs last in the suite: the demo's reads would otherwise reach the other ITs'
 * streams.
 */
public class DemoIT extends AtalayaTestSupport {

    @Test
    public void theDemoCamerasPublishReadsAndFaceMatchesOverMqtt() throws Exception {
        features.installFeature("atalaya-demo");
        try {
            ConsumerTemplate consumer = camel.createConsumerTemplate();
            Exchange match = consumer.receive("jms:topic:atalaya.face.*.matches", WAIT.toMillis());
            assertNotNull("a simulated face match", match);
            assertTrue(match.getIn().getBody(String.class), match.getIn().getBody(String.class).contains("wl-demo-"));
            // a camera's read reaches the correlation's queue made canonical (by the connector's
            // route, or its divert, which leaves no copy on the topic): one taken from there
            Exchange read = consumer.receive("jms:queue:atalaya.in.anpr", WAIT.toMillis());
            assertNotNull("a simulated plate read, made canonical", read);
            String canonical = read.getIn().getBody(String.class);
            assertTrue(canonical, canonical.contains("\"plateAsRead\"") && canonical.contains("\"cameraId\""));
        } finally {
            features.uninstallFeature("atalaya-demo");
        }
    }
}
