package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.runtime.CanonicalJson;
import org.junit.Before;
import org.junit.Test;

/**
 * The ANPR flow end to end, as cameras and control centres see it: reads over MQTT and REST,
 * hits and clone alerts on each police control centre's stream, past hits, the hotlist and the
 * cameras over REST, refusals, and the connector coming and going without losing reads.
 */
public class AnprIT extends AtalayaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARAJAL = "it-tarajal";
    private static final String HACHO = "it-monte-hacho";

    @Inject
    private PlateReadRepository reads;

    @Inject
    private Hotlist hotlist;

    @Inject
    private AuditLog audit;

    @Before
    public void cameras() throws Exception {
        putCamera(TARAJAL, "Tarajal border crossing (test)", 35.8717, -5.3430);
        putCamera(HACHO, "Monte Hacho road (test)", 35.8982, -5.2911);
    }

    @Test
    public void aHotlistedPlateReadOverMqttGivesExactlyOneHitAtEachControlCentre() throws Exception {
        String plate = listed("STOLEN_VEHICLE", 90);
        String fence = listed("OTHER", 10);
        try (AlertStream local = stream(LOCAL_POLICE); AlertStream national = stream(NATIONAL_POLICE)) {
            String readId = uniqueId("read");
            // The camera sends the same read twice: the broker keeps it once.
            publishRead(TARAJAL, readId, plate);
            publishRead(TARAJAL, readId, plate);
            publishRead(HACHO, uniqueId("fence"), fence);

            List<String> hitIds = new ArrayList<>();
            for (AlertStream stream : List.of(local, national)) {
                JsonNode hit = nextAlert(stream, plate, fence);
                hitIds.add(hit.path("id").asText());
                assertEquals("HIT", hit.path("kind").asText());
                assertEquals(plate, hit.path("plate").asText());
                assertEquals(readId, hit.at("/alert/read/id").asText());
                assertEquals("EXACT", hit.at("/alert/matchKind").asText());
                assertEquals(90, hit.path("priority").asInt());
                assertEquals("the fence is next: no second alert for the repeated read",
                        fence, nextAlert(stream, plate, fence).path("plate").asText());
            }
            // each control centre's disclosure of the hit was recorded before it was sent
            assertDisclosed(LOCAL_POLICE, hitIds.get(0));
            assertDisclosed(NATIONAL_POLICE, hitIds.get(1));
        }
    }

    @Test
    public void anOcrConfusedReadOverRestGivesAnOcrEquivalentHitThatSaysWhichCharacter() throws Exception {
        String plate = listed("WANTED_PERSON_VEHICLE", 95); // ends in B, read as 8
        String misread = plate.substring(0, plate.length() - 1) + "8";
        try (AlertStream local = stream(LOCAL_POLICE)) {
            HttpResponse<String> accepted = Rest.post("/anpr/reads", ANPR_CAMERAS, password(ANPR_CAMERAS), "application/json",
                    readJson(uniqueId("rest"), TARAJAL, misread, Instant.now()));
            assertEquals(accepted.body(), 202, accepted.statusCode());
            assertEquals(1, JSON.readTree(accepted.body()).path("accepted").asInt());

            JsonNode hit = nextAlert(local, misread);
            assertEquals("OCR_EQUIVALENT", hit.at("/alert/matchKind").asText());
            assertEquals(plate, hit.at("/alert/entry/plate").asText());
            JsonNode difference = hit.at("/alert/differences/0");
            assertEquals("8", difference.path("read").asText());
            assertEquals("B", difference.path("listed").asText());
            assertEquals(plate.length() - 1, difference.path("position").asInt());
        }
    }

    @Test
    public void aNewHotlistEntryGivesAPastHitForAnEarlierRead() throws Exception {
        String plate = newPlate();
        String readId = uniqueId("earlier");
        publishRead(HACHO, readId, plate);
        awaitCondition("the read is archived",
                () -> reads.readsWithKey(hotlist.plateKey(plate), Instant.now().minusSeconds(3600)).stream()
                        .anyMatch(read -> read.id().equals(readId)));

        try (AlertStream national = stream(NATIONAL_POLICE)) {
            addToHotlist(plate, "STOLEN_OR_INVALIDATED_PLATE", 80);
            JsonNode past = nextAlert(national, plate);
            assertEquals("PAST_HIT", past.path("kind").asText());
            assertEquals(readId, past.at("/alert/read/id").asText());
            assertTrue(past.at("/alert/pastRead").asBoolean());
        }
    }

    @Test
    public void twoFarApartReadsSecondsApartGiveACloneAlert() throws Exception {
        String plate = newPlate();
        try (AlertStream local = stream(LOCAL_POLICE)) {
            Instant now = Instant.now();
            publish(ANPR_CAMERAS, password(ANPR_CAMERAS), "atalaya/anpr/" + TARAJAL + "/reads",
                    readJson(uniqueId("a"), TARAJAL, plate, now.minusSeconds(20)));
            publish(ANPR_CAMERAS, password(ANPR_CAMERAS), "atalaya/anpr/" + HACHO + "/reads",
                    readJson(uniqueId("b"), HACHO, plate, now));

            JsonNode clone = nextAlert(local, plate);
            assertEquals("CLONE", clone.path("kind").asText());
            assertEquals(plate, clone.path("plate").asText());
            assertTrue(clone.at("/alert/impliedSpeedKmh").asDouble() > 150);
            assertTrue(clone.at("/alert/distanceMeters").asDouble() > 4000);
        }
    }

    @Test
    public void aStreamResumesAfterTheLastEventItsClientSaw() throws Exception {
        String first = listed("OTHER", 30);
        String second = listed("OTHER", 31);
        String lastSeen;
        String firstId;
        try (AlertStream local = stream(LOCAL_POLICE)) {
            publishRead(TARAJAL, uniqueId("r"), first);
            JsonNode alert = nextAlert(local, first);
            lastSeen = alert.path("sequence").asText();
            firstId = alert.path("id").asText();
        }
        publishRead(TARAJAL, uniqueId("r"), second);
        try (AlertStream resumed = AlertStream.open(Rest.url("/alerts/stream"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD,
                lastSeen)) {
            JsonNode missed = nextAlert(resumed, first, second);
            assertEquals(second, missed.path("plate").asText());
            // stored while no stream was open: the resumed stream recorded its disclosure itself
            assertDisclosed(LOCAL_POLICE, missed.path("id").asText());
        }
        assertDisclosed(LOCAL_POLICE, firstId);
    }

    @Test
    public void alertsAreListedFilteredAndAcknowledged() throws Exception {
        String plate = listed("STOLEN_VEHICLE", 70);
        String alertId;
        try (AlertStream local = stream(LOCAL_POLICE)) {
            publishRead(TARAJAL, uniqueId("r"), plate);
            alertId = nextAlert(local, plate).path("id").asText();
        }
        JsonNode listed = JSON.readTree(Rest.get("/alerts?plate=" + plate + "&kind=hit", LOCAL_POLICE,
                LOCAL_POLICE_PASSWORD).body());
        assertEquals(1, listed.path("alerts").size());
        assertEquals(alertId, listed.at("/alerts/0/id").asText());

        HttpResponse<String> ack = Rest.post("/alerts/" + alertId + "/ack", LOCAL_POLICE, LOCAL_POLICE_PASSWORD,
                "application/json", "");
        assertEquals(ack.body(), 200, ack.statusCode());
        assertEquals(LOCAL_POLICE, JSON.readTree(ack.body()).path("acknowledgedBy").asText());
        JsonNode open = JSON.readTree(Rest.get("/alerts?plate=" + plate + "&acknowledged=false", LOCAL_POLICE,
                LOCAL_POLICE_PASSWORD).body());
        assertEquals(0, open.path("alerts").size());
        // The other centre's copy is its own.
        JsonNode national = JSON.readTree(Rest.get("/alerts?plate=" + plate + "&acknowledged=false", NATIONAL_POLICE,
                NATIONAL_POLICE_PASSWORD).body());
        assertEquals(1, national.path("alerts").size());
        assertEquals(404, Rest.post("/alerts/no-such-alert/ack", LOCAL_POLICE, LOCAL_POLICE_PASSWORD,
                "application/json", "").statusCode());
    }

    @Test
    public void theHotlistIsManagedOverRestAndExplainsHowAPlateMatches() throws Exception {
        String plate = newPlate();
        HttpResponse<String> created = Rest.post("/hotlist", LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "application/json",
                "{\"plate\":\"" + plate + "\",\"country\":\"ES\",\"category\":\"STOLEN_VEHICLE\",\"priority\":60,"
                        + "\"reason\":\"robbery\",\"reference\":\"" + uniqueId("ref") + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = JSON.readTree(created.body()).path("id").asLong();

        JsonNode check = JSON.readTree(Rest.get("/plates/" + plate.substring(0, plate.length() - 1) + "8/check",
                NATIONAL_POLICE, NATIONAL_POLICE_PASSWORD).body());
        assertEquals(id, check.at("/hits/0/entry/id").asLong());
        assertEquals("OCR_EQUIVALENT", check.at("/hits/0/kind").asText());
        assertEquals(1, check.path("maxEquivalent").asInt());

        String updated = "{\"plate\":\"" + plate + "\",\"country\":\"ES\",\"category\":\"STOLEN_VEHICLE\",\"priority\":99}";
        HttpResponse<String> put = Rest.put("/hotlist/" + id, LOCAL_POLICE, LOCAL_POLICE_PASSWORD, updated);
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals(99, JSON.readTree(Rest.get("/hotlist/" + id, LOCAL_POLICE, LOCAL_POLICE_PASSWORD).body())
                .path("priority").asInt());

        String second = newPlate();
        HttpResponse<String> imported = Rest.post("/hotlist/import", LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "text/csv",
                "plate,country,category,priority,reference\n" + second + ",ES,STOLEN_VEHICLE,50,imp-" + second
                        + "\nnot a plate!,ES,OTHER,5,\n");
        JsonNode result = JSON.readTree(imported.body());
        assertEquals(imported.body(), 1, result.path("added").asInt());
        assertEquals(1, result.path("rejected").size());
        assertTrue(result.at("/rejected/0").asText().startsWith("line 3"));
        assertEquals(1, JSON.readTree(Rest.get("/hotlist?plate=" + second, LOCAL_POLICE, LOCAL_POLICE_PASSWORD)
                .body()).path("entries").size());

        assertEquals(204, Rest.delete("/hotlist/" + id, LOCAL_POLICE, LOCAL_POLICE_PASSWORD).statusCode());
        assertEquals(404, Rest.get("/hotlist/" + id, LOCAL_POLICE, LOCAL_POLICE_PASSWORD).statusCode());
        assertEquals(0, JSON.readTree(Rest.get("/plates/" + plate + "/check", LOCAL_POLICE, LOCAL_POLICE_PASSWORD)
                .body()).path("hits").size());
    }

    @Test
    public void badInputIsRefusedWithAReason() throws Exception {
        HttpResponse<String> malformed = Rest.post("/anpr/reads", ANPR_CAMERAS, password(ANPR_CAMERAS), "application/json",
                "{\"plate\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> unknownCamera = Rest.post("/anpr/reads", ANPR_CAMERAS, password(ANPR_CAMERAS), "application/json",
                readJson(uniqueId("x"), "no-such-camera", "1234BCD", Instant.now()));
        assertEquals(400, unknownCamera.statusCode());
        assertTrue(unknownCamera.body(), unknownCamera.body().contains("not registered"));
        HttpResponse<String> badPlate = Rest.post("/anpr/reads", ANPR_CAMERAS, password(ANPR_CAMERAS), "application/json",
                readJson(uniqueId("x"), TARAJAL, "12#4", Instant.now()));
        assertEquals(400, badPlate.statusCode());
        HttpResponse<String> badCategory = Rest.post("/hotlist", LOCAL_POLICE, LOCAL_POLICE_PASSWORD,
                "application/json", "{\"plate\":\"1234BCD\",\"category\":\"BICYCLE\",\"priority\":5}");
        assertEquals(400, badCategory.statusCode());
        assertTrue(badCategory.body().contains("category"));

        // Over MQTT nobody waits for an answer: the reason goes with the payload to the dead letters.
        String marker = uniqueId("bad");
        publish(ANPR_CAMERAS, password(ANPR_CAMERAS), "atalaya/anpr/" + TARAJAL + "/reads",
                "{\"id\":\"" + marker + "\",\"plate\":\"12#4\"}");
        Exchange dead = deadLetterContaining(marker);
        String reason = dead.getIn().getHeader("AtalayaFailureReason", String.class);
        assertNotNull(reason);
        assertTrue(reason, reason.contains("capturedAt") || reason.contains("plate"));
    }

    @Test
    public void aMessageOnTheReadQueueThatIsNotAReadIsDeadLetteredAndTheReadsBesideItAreStored() throws Exception {
        String plate = newPlate();
        String first = uniqueId("beside");
        String second = uniqueId("beside");
        String third = uniqueId("beside");
        String marker = uniqueId("not-a-read");
        String element = uniqueId("not-a-read");
        // with the correlation stopped the messages wait together, and it takes them as one batch
        camel.getRouteController().stopRoute("correlation-anpr");
        try {
            ProducerTemplate producer = camel.createProducerTemplate();
            producer.sendBody("jms:queue:atalaya.in.anpr", canonicalRead(first, plate));
            producer.sendBody("jms:queue:atalaya.in.anpr", "{\"id\":\"" + marker + "\",\"plate\":");
            // a connector's batch: one element of the array is not a read
            producer.sendBody("jms:queue:atalaya.in.anpr", "[" + canonicalRead(second, plate) + ",{\"id\":\""
                    + element + "\",\"plate\":\"" + plate + "\"}," + canonicalRead(third, plate) + "]");
        } finally {
            camel.getRouteController().startRoute("correlation-anpr");
        }

        for (String refused : List.of(marker, element)) {
            Exchange dead = deadLetterContaining(refused);
            String reason = dead.getIn().getHeader("AtalayaFailureReason", String.class);
            assertTrue(reason, reason.startsWith("not a canonical plate read"));
            assertEquals("atalaya.in.anpr", dead.getIn().getHeader("AtalayaFailedFrom", String.class));
        }
        awaitCondition("the reads beside them are stored",
                () -> reads.readsWithKey(hotlist.plateKey(plate), Instant.now().minusSeconds(3600)).stream()
                        .map(PlateRead::id).toList().containsAll(List.of(first, second, third)));
    }

    private static String canonicalRead(String id, String plate) throws Exception {
        return CanonicalJson.mapper().writeValueAsString(new PlateRead(id, HACHO, Instant.now(), plate, plate, "ES",
                0.9, Direction.APPROACHING, null, null));
    }

    @Test
    public void everyEndpointWantsTheRightAccount() throws Exception {
        assertEquals(401, Rest.get("/alerts", null, null).statusCode());
        assertEquals(401, Rest.get("/alerts", LOCAL_POLICE, "wrong-password").statusCode());
        assertEquals(403, Rest.get("/alerts", ANPR_CAMERAS, password(ANPR_CAMERAS)).statusCode());
        assertEquals(403, Rest.post("/anpr/reads", LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "application/json", "{}")
                .statusCode());
        assertEquals(403, Rest.put("/cameras/it-forbidden", LOCAL_POLICE, LOCAL_POLICE_PASSWORD,
                "{\"name\":\"x\",\"latitude\":35.88,\"longitude\":-5.31}").statusCode());
        assertEquals(403, Rest.get("/alerts?agency=" + NATIONAL_POLICE, LOCAL_POLICE, LOCAL_POLICE_PASSWORD)
                .statusCode());
        HttpResponse<String> cameras = Rest.get("/cameras", LOCAL_POLICE, LOCAL_POLICE_PASSWORD);
        assertEquals(200, cameras.statusCode());
        assertTrue(cameras.body().contains(TARAJAL));
    }

    @Test
    public void removingTheCameraConnectorStopsIngestAndReinstallingItLosesNothing() throws Exception {
        String plate = listed("STOLEN_VEHICLE", 85);
        features.uninstallFeature("atalaya-anpr-cameras");
        try {
            assertNull(camel.getRoute("anpr-cameras-mqtt-1"));
            assertEquals(404, Rest.post("/anpr/reads", ANPR_CAMERAS, password(ANPR_CAMERAS), "application/json",
                    readJson(uniqueId("gone"), TARAJAL, plate, Instant.now())).statusCode());
            try (AlertStream local = stream(LOCAL_POLICE)) {
                List<String> meanwhile = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String id = uniqueId("meanwhile-" + i);
                    publishRead(i % 2 == 0 ? TARAJAL : HACHO, id, plate);
                    meanwhile.add(id);
                }
                features.installFeature("atalaya-anpr-cameras");
                assertNotNull(camel.getRoute("anpr-cameras-mqtt-1"));
                // Suppression lets one alert per camera through; every read reaches the archive.
                assertEquals(plate, nextAlert(local, plate).path("plate").asText());
                for (String id : meanwhile) {
                    awaitCondition("read " + id + " is archived",
                            () -> reads.readsWithKey(hotlist.plateKey(plate), Instant.now().minusSeconds(3600)).stream()
                                    .anyMatch(read -> read.id().equals(id)));
                }
            }
        } finally {
            if (!features.isInstalled(features.getFeature("atalaya-anpr-cameras"))) {
                features.installFeature("atalaya-anpr-cameras");
            }
        }
    }

    @Test
    public void theConsoleManagesTheHotlistAndShowsAlerts() throws Exception {
        String plate = newPlate();
        String added = executeCommand("atalaya:hotlist-add --country ES --category STOLEN_VEHICLE --priority 90"
                + " --reason console-test " + plate);
        assertTrue(added, added.contains(plate));
        String check = executeCommand("atalaya:plate-check --purpose administration " + plate.substring(0, plate.length() - 1) + "8");
        assertTrue(check, check.contains(plate) && check.contains("OCR_EQUIVALENT")
                && check.contains("position 7: read 8, listed B")); // counted from 1 for people
        String list = executeCommand("atalaya:hotlist-list --purpose administration --plate " + plate);
        assertTrue(list, list.contains("STOLEN_VEHICLE"));
        String cameras = executeCommand("atalaya:cameras");
        assertTrue(cameras, cameras.contains(TARAJAL));
        try (AlertStream local = stream(LOCAL_POLICE)) {
            publishRead(TARAJAL, uniqueId("console"), plate);
            nextAlert(local, plate);
        }
        String alerts = executeCommand("atalaya:alerts --purpose administration --agency local-police --plate " + plate);
        assertTrue(alerts, alerts.contains(plate) && alerts.contains("HIT"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static void putCamera(String id, String name, double latitude, double longitude) throws Exception {
        HttpResponse<String> put = Rest.put("/cameras/" + id, "admin", ADMIN_PASSWORD,
                "{\"name\":\"" + name + "\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
                        + ",\"heading\":90,\"borderApproach\":false}");
        assertTrue(put.body(), put.statusCode() == 200 || put.statusCode() == 201);
    }

    /** A fresh Spanish plate ending in B (so it can be misread as 8), listed with this category. */
    private static String listed(String category, int priority) throws Exception {
        String plate = newPlate();
        addToHotlist(plate, category, priority);
        return plate;
    }

    private static void addToHotlist(String plate, String category, int priority) throws Exception {
        HttpResponse<String> created = Rest.post("/hotlist", LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "application/json",
                "{\"plate\":\"" + plate + "\",\"country\":\"ES\",\"category\":\"" + category + "\",\"priority\":"
                        + priority + "}");
        assertEquals(created.body(), 201, created.statusCode());
    }

    private static final AtomicInteger PLATES = new AtomicInteger(new SecureRandom().nextInt(5000));

    /** A Spanish plate of this run only, ending in B (which a camera may misread as 8). */
    private static String newPlate() {
        int n = PLATES.incrementAndGet();
        String consonants = "CDFGHJKLMNPRSTVWXYZ";
        return String.format("%04d", n % 10000) + consonants.charAt(n % consonants.length())
                + consonants.charAt((n / 7) % consonants.length()) + "B";
    }

    /**
     * The alert's disclosure on the agency's stream is in the audit log, with the stream's caller,
     * purpose and outcome: recorded as it was stored, for a stream caught up, or by the stream
     * before it sent it. Not necessarily once: a stream of an earlier test, closed by its client,
     * is still open in the hub until its next write fails, and records what it is about to send
     * as any stream does (LiveStreamsTest checks that one stream records an alert once).
     */
    private void assertDisclosed(String agency, String alertId) {
        List<AuditRecord> disclosures = audit.search(new AuditQuery(agency, null, null, alertId, null, null, null, null,
                null, 0, 100)).stream().filter(record -> record.entry().action().equals("stream alerts of " + agency))
                .toList();
        assertFalse(alertId + " disclosed on the stream of " + agency, disclosures.isEmpty());
        for (AuditRecord disclosure : disclosures) {
            assertEquals(agency, disclosure.entry().person());
            assertEquals(Rest.PURPOSE, disclosure.entry().purpose());
            assertEquals("allowed", disclosure.entry().outcome());
            assertTrue(disclosure.entry().subjects().contains(alertId));
        }
    }

    private static AlertStream stream(String agency) throws Exception {
        return AlertStream.open(Rest.url("/alerts/stream"), agency, password(agency), null);
    }

    /**
     * The next alert about one of these plates; alerts about others (late ones of an earlier
     * test) are passed over.
     */
    private static JsonNode nextAlert(AlertStream stream, String... plates) throws Exception {
        while (true) {
            AlertStream.Event event = stream.next(WAIT);
            assertNotNull("an alert about " + List.of(plates) + " arrived on the stream", event);
            JsonNode alert = JSON.readTree(event.data());
            if (List.of(plates).contains(alert.path("plate").asText())) {
                return alert;
            }
        }
    }

    private static void publishRead(String camera, String id, String plate) throws Exception {
        publish(ANPR_CAMERAS, password(ANPR_CAMERAS), "atalaya/anpr/" + camera + "/reads", readJson(id, camera, plate,
                Instant.now()));
    }

    private static String readJson(String id, String camera, String plate, Instant capturedAt) {
        return """
                {"id":"%s","cameraId":"%s","capturedAt":"%s","plate":"%s","country":"ES","confidence":0.93,
                 "direction":"approaching"}""".formatted(id, camera, capturedAt, plate);
    }

    private Exchange deadLetterContaining(String marker) {
        ConsumerTemplate consumer = camel.createConsumerTemplate();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Exchange dead = consumer.receive("jms:queue:atalaya.dlq", WAIT.toMillis());
            if (dead != null && dead.getIn().getBody(String.class).contains(marker)) {
                return dead;
            }
        }
        throw new AssertionError("no dead letter for " + marker);
    }

}
