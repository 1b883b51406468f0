package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.atalaya.api.anpr.HotlistSync;
import org.atalaya.api.anpr.HotlistSyncState;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Interior Ministry connector against the simulated ministry, over real SOAP on its own port:
 * the first sync loads the ministry's list, a delta adds a plate that then hits, a removal stops
 * hits, the ministry going away leaves matching running with a stale-hotlist alert and every hit
 * notice delivered once when it is back, and a restarted core matches the synced list before any
 * sync. Runs before DemoIT: it installs the simulators, whose cameras the demo then uses.
 */
public class VehicleRegistryIT extends AtalayaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "interior-ministry";
    private static final String BORDER = "it-registry-tarajal-exit";
    private static final String TOWN = "it-registry-gran-via";
    private static final AtomicInteger PLATES = new AtomicInteger(new SecureRandom().nextInt(5000));
    private static MinistryControl ministry;

    @Inject
    private HotlistSync sync;

    @Inject
    private ConfigurationAdmin configurations;

    @Before
    public void ministry() throws Exception {
        if (ministry == null) {
            features.installFeature("atalaya-simulators");
            ministry = MinistryControl.await(bundleContext);
        }
        ministry.down(false);
        putCamera(BORDER, "Frontera del Tarajal, salida (test)", 35.8717, -5.3430, true);
        putCamera(TOWN, "Gran Vía (test)", 35.8893, -5.3163, false);
        awaitSynced();
    }

    @Test
    public void theFirstSyncLoadsTheMinistrysWholeList() {
        HotlistSyncState state = sync.syncState(SOURCE).orElseThrow();
        assertEquals(ministry.version(), state.version());
        assertEquals(ministry.size(), state.entries());
        assertTrue(state.entries() >= 20_000);
    }

    @Test
    public void aPlateTheMinistryListsHitsAtTopPriorityAtTheBorderAndIsReportedBackOnce() throws Exception {
        String plate = newPlate();
        String reference = ministry.list(plate, 60);
        awaitSynced();

        try (AlertStream local = stream(LOCAL_POLICE)) {
            publishRead(BORDER, uniqueId("registry-read"), plate);

            JsonNode hit = next(local, alert -> plate.equals(alert.path("plate").asText()));
            assertEquals("HIT", hit.path("kind").asText());
            assertEquals("a border approach raises the hit to top priority", 100, hit.path("priority").asInt());
            assertEquals(SOURCE, hit.at("/alert/entry/source").asText());
            assertEquals(reference, hit.at("/alert/entry/reference").asText());
            assertEquals(60, hit.at("/alert/entry/priority").asInt());
            // the hit goes out at once; the vehicle's details follow it
            assertTrue(hit.toString(), hit.at("/alert/vehicle").isMissingNode());
            String hitId = hit.at("/alert/id").asText();
            JsonNode details = next(local, alert -> "HIT_DETAILS".equals(alert.path("kind").asText())
                    && hitId.equals(alert.at("/alert/hitId").asText()));
            assertEquals(100, details.path("priority").asInt());
            JsonNode vehicle = details.at("/alert/vehicle");
            assertFalse(vehicle.toString(), vehicle.path("make").asText().isBlank());
            assertFalse(vehicle.toString(), vehicle.path("registrationStatus").asText().isBlank());
        }
        awaitCondition("the ministry counted the hit notice", () -> ministry.noticesFor(plate) == 1);
    }

    @Test
    public void aPlateTheMinistryRemovesNoLongerHits() throws Exception {
        String removed = newPlate();
        String fence = newPlate();
        String reference = ministry.list(removed, 70);
        ministry.list(fence, 70);
        awaitSynced();
        assertTrue(ministry.remove(reference));
        awaitSynced();

        try (AlertStream local = stream(LOCAL_POLICE)) {
            publishRead(TOWN, uniqueId("registry-removed"), removed);
            publishRead(TOWN, uniqueId("registry-fence"), fence);

            JsonNode first = next(local, alert -> List.of(removed, fence).contains(alert.path("plate").asText()));
            assertEquals("reads are matched in order: no hit for the removed plate came first", fence,
                    first.path("plate").asText());
        }
    }

    @Test
    public void withTheMinistryAwayMatchingGoesOnAStaleAlertIsRaisedAndEachNoticeArrivesOnceAfter()
            throws Exception {
        String[] plates = {newPlate(), newPlate(), newPlate()};
        for (String plate : plates) {
            ministry.list(plate, 80);
        }
        awaitSynced();
        Configuration connector = configurations.getConfiguration("org.atalaya.vehicleregistry", "?");
        Dictionary<String, Object> settings = connector.getProperties();
        Object staleAfter = settings.get("staleAfterSeconds");
        try (AlertStream local = stream(LOCAL_POLICE)) {
            settings.put("staleAfterSeconds", "2");
            connector.update(settings);
            ministry.down(true);

            JsonNode stale = next(local, alert -> "SYSTEM".equals(alert.path("kind").asText())
                    && alert.at("/alert/active").asBoolean());
            assertEquals("hotlist-stale", stale.at("/alert/condition").asText());
            assertEquals(SOURCE, stale.at("/alert/subject").asText());

            for (String plate : plates) {
                publishRead(TOWN, uniqueId("registry-away"), plate);
            }
            ConsumerTemplate deadLetters = camel.createConsumerTemplate();
            for (String plate : plates) {
                JsonNode hit = next(local, alert -> plate.equals(alert.path("plate").asText()));
                assertEquals("matching goes on with the last list", "HIT", hit.path("kind").asText());
                // its vehicle cannot be looked up: the lookup is dead-lettered with the reason
                String hitId = hit.at("/alert/id").asText();
                Exchange lookup = deadLetters.receive("jms:queue:atalaya.dlq?selector=AtalayaFailedRoute="
                        + "'correlation-hit-details' AND AtalayaEventId='" + hitId + "'", WAIT.toMillis());
                assertNotNull("the failed lookup of " + hitId + " is dead-lettered", lookup);
                String reason = lookup.getIn().getHeader("AtalayaFailureReason", String.class);
                assertTrue(reason, reason.contains(hitId));
                assertTrue(lookup.getIn().getBody(String.class), lookup.getIn().getBody(String.class).contains(plate));
            }
            for (String plate : plates) {
                assertEquals("no notice reaches a ministry that is away", 0, ministry.noticesFor(plate));
            }

            ministry.down(false);
            JsonNode cleared = next(local, alert -> "SYSTEM".equals(alert.path("kind").asText())
                    && !alert.at("/alert/active").asBoolean());
            assertEquals("hotlist-stale", cleared.at("/alert/condition").asText());
        } finally {
            if (staleAfter == null) {
                settings.remove("staleAfterSeconds");
            } else {
                settings.put("staleAfterSeconds", staleAfter);
            }
            connector.update(settings);
        }
        for (String plate : plates) {
            awaitCondition("the notice of " + plate + " arrived", () -> ministry.noticesFor(plate) >= 1);
        }
        // a later notice is delivered after every earlier one: then none of them came twice
        String last = newPlate();
        ministry.list(last, 80);
        awaitSynced();
        publishRead(TOWN, uniqueId("registry-last"), last);
        awaitCondition("the last notice arrived", () -> ministry.noticesFor(last) == 1);
        for (String plate : plates) {
            assertEquals("each notice exactly once", 1, ministry.noticesFor(plate));
        }
    }

    @Test
    public void aRestartedCoreMatchesTheSyncedListBeforeItsFirstSync() throws Exception {
        String plate = newPlate();
        ministry.list(plate, 85);
        awaitSynced();
        ministry.down(true);
        try {
            Bundle correlation = bundle("org.atalaya.atalaya-correlation");
            correlation.stop();
            correlation.start();
            // the plate-read route and the control centres (their REST first) are back
            awaitTheShippedConnectors();
            try (AlertStream local = stream(LOCAL_POLICE)) {
                publishRead(TOWN, uniqueId("registry-restart"), plate);
                JsonNode hit = next(local, alert -> plate.equals(alert.path("plate").asText()));
                assertEquals("HIT", hit.path("kind").asText());
            }
        } finally {
            ministry.down(false);
        }
        awaitSynced();
    }

    @Test
    public void theConsoleShowsTheLinkAndForcesASync() throws Exception {
        String status = executeCommand("atalaya:registry-status");
        assertTrue(status, status.contains(SOURCE));
        assertTrue(status, status.contains(Long.toString(ministry.version())));

        String plate = newPlate();
        ministry.list(plate, 50);
        String synced = executeCommand("atalaya:registry-sync");
        assertTrue(synced, synced.contains(Long.toString(ministry.version())));
        assertEquals(ministry.version(), sync.syncState(SOURCE).map(HotlistSyncState::version).orElse(0L)
                .longValue());
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Until the hub holds the ministry's current version. */
    private void awaitSynced() {
        awaitCondition("the hub is at the ministry's version " + ministry.version(), () -> {
            Optional<HotlistSyncState> state = sync.syncState(SOURCE);
            return state.isPresent() && state.get().version() == ministry.version();
        });
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static void putCamera(String id, String name, double latitude, double longitude, boolean border)
            throws Exception {
        HttpResponse<String> put = Rest.put("/cameras/" + id, "admin", ADMIN_PASSWORD,
                "{\"name\":\"" + name + "\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
                        + ",\"heading\":180,\"borderApproach\":" + border + "}");
        assertTrue(put.body(), put.statusCode() == 200 || put.statusCode() == 201);
    }

    /** A Spanish plate of this run only. */
    private static String newPlate() {
        int n = PLATES.incrementAndGet();
        String consonants = "BCDFGHJKLMNPRSTVWXYZ";
        return String.format("%04d", n % 10000) + "Z" + consonants.charAt(n % consonants.length())
                + consonants.charAt((n / 20) % consonants.length());
    }

    private static AlertStream stream(String agency) throws Exception {
        return AlertStream.open(Rest.url("/alerts/stream"), agency, password(agency), null);
    }

    /** The next alert on the stream that is what the test waits for; others are passed over. */
    private static JsonNode next(AlertStream stream, Predicate<JsonNode> wanted) throws Exception {
        while (true) {
            AlertStream.Event event = stream.next(WAIT);
            assertNotNull("the awaited alert arrived on the stream", event);
            JsonNode alert = JSON.readTree(event.data());
            if (wanted.test(alert)) {
                return alert;
            }
        }
    }

    private static void publishRead(String camera, String id, String plate) throws Exception {
        publish(ANPR_CAMERAS, password(ANPR_CAMERAS), "atalaya/anpr/" + camera + "/reads", """
                {"id":"%s","cameraId":"%s","capturedAt":"%s","plate":"%s","country":"ES","confidence":0.93,
                 "direction":"approaching"}""".formatted(id, camera, Instant.now(), plate));
    }
}
