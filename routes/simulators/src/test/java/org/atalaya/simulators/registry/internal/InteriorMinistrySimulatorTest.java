package org.atalaya.simulators.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;
import javax.xml.ws.WebServiceException;
import javax.xml.ws.soap.SOAPFaultException;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.registry.v1.CameraLocation;
import org.atalaya.registry.v1.Hit;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistEntry;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.registry.v1.InvalidRequestFault;
import org.atalaya.registry.v1.MatchKind;
import org.atalaya.registry.v1.NotFoundFault;
import org.atalaya.registry.v1.RegistrationStatus;
import org.atalaya.registry.v1.ServiceUnavailableFault;
import org.atalaya.registry.v1.VehicleAlert;
import org.atalaya.registry.v1.VehicleRecord;
import org.atalaya.registry.v1.VehicleRegistry;
import org.atalaya.registry.v1.VersionGoneFault;
import org.atalaya.simulators.registry.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated ministry over the network, called as the hub will call it: SOAP over HTTP to its
 * own port, through the JAX-WS port generated from the contract, with a UsernameToken.
 */
class InteriorMinistrySimulatorTest {

    private static final int ENTRIES = 2_500;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<InteriorMinistrySimulator> started = new ArrayList<>();

    @AfterEach
    void stopThemAll() {
        started.forEach(InteriorMinistrySimulator::deactivate);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(name -> name.startsWith(RegistryServer.THREAD_NAME)));
    }

    @Test
    void aSnapshotsPagesListEveryEntryOnceAndTheSameSeedGivesTheSameList() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 2026));
        InteriorMinistrySimulator twin = start(MinistrySettings.of(ENTRIES, 2026));
        InteriorMinistrySimulator other = start(MinistrySettings.of(ENTRIES, 2027));

        List<HotlistEntry> entries = snapshot(hub(ministry), 333);

        assertThat(entries).hasSize(ENTRIES);
        assertThat(entries).extracting(HotlistEntry::getReference).doesNotHaveDuplicates();
        assertThat(entries.stream().filter(entry -> entry.getCountry().equals("ES")).count())
                .isEqualTo(ENTRIES * 9 / 10);
        assertThat(entries).filteredOn(entry -> entry.getCountry().equals("ES")).extracting(HotlistEntry::getPlate)
                .allMatch(plate -> plate.matches("\\d{4}[BCDFGHJKLMNPRSTVWXYZ]{3}"));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getPriority()).isBetween(0, 100);
            assertThat(entry.getCategory()).isNotNull();
            assertThat(entry.getReason()).isNotBlank();
            assertThat(entry.getValidFrom()).isBefore(Instant.now());
        });
        assertThat(plates(snapshot(hub(twin), 1_000))).isEqualTo(plates(entries));
        assertThat(plates(snapshot(hub(other), 1_000))).isNotEqualTo(plates(entries));
    }

    @Test
    void aSnapshotStaysAtItsVersionWhileTheListChangesAndTheChangesSinceItFollow() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);

        HotlistPage first = hub.getHotlistSnapshot(null, 1_000);
        long version = first.getSnapshotVersion();
        Listing added = ministry.addEntry("1234BCD", "ES", AlertCategory.STOLEN_VEHICLE, 90, "Stolen at the port");
        Listing removed = ministry.list("HL-00002000").orElseThrow();
        assertThat(ministry.removeEntry(removed.reference())).isTrue();
        Listing before = ministry.list("HL-00001500").orElseThrow();
        Listing raised = ministry.updateEntry(before.withPriority(100, "Armed occupants"));
        assertThat(ministry.version()).isEqualTo(version + 3);

        List<HotlistEntry> entries = new ArrayList<>(first.getEntry());
        HotlistPage page = first;
        while (page.getNextPageToken() != null) {
            page = hub.getHotlistSnapshot(page.getNextPageToken(), 1_000);
            assertThat(page.getSnapshotVersion()).isEqualTo(version);
            assertThat(page.getEntryCount()).isEqualTo(ENTRIES);
            entries.addAll(page.getEntry());
        }
        assertThat(entries).hasSize(ENTRIES);
        assertThat(entries).extracting(HotlistEntry::getReference).contains(removed.reference())
                .doesNotContain(added.reference());
        assertThat(entries).filteredOn(entry -> entry.getReference().equals(before.reference()))
                .singleElement().extracting(HotlistEntry::getPriority).isEqualTo(before.priority());

        HotlistChanges changes = hub.getHotlistChanges(version, 100);
        assertThat(changes.getFromVersion()).isEqualTo(version);
        assertThat(changes.getToVersion()).isEqualTo(ministry.version());
        assertThat(changes.getAdded()).singleElement().satisfies(entry -> {
            assertThat(entry.getReference()).isEqualTo(added.reference());
            assertThat(entry.getPlate()).isEqualTo("1234BCD");
            assertThat(entry.getCategory()).isEqualTo(AlertCategory.STOLEN_VEHICLE);
            assertThat(entry.getValidFrom()).isEqualTo(added.validFrom());
        });
        assertThat(changes.getUpdated()).singleElement().satisfies(entry -> {
            assertThat(entry.getReference()).isEqualTo(raised.reference());
            assertThat(entry.getPriority()).isEqualTo(100);
            assertThat(entry.getReason()).isEqualTo("Armed occupants");
        });
        assertThat(changes.getRemoved()).containsExactly(removed.reference());
        assertThat(changes.getEntryCount()).isEqualTo(ministry.size()).isEqualTo(ENTRIES);
        assertThat(changes.isMoreChanges()).isFalse();
    }

    @Test
    void changesFromAVersionNoLongerKeptAreGoneAndSoIsASnapshotOfIt() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1).retaining(3));
        VehicleRegistry hub = hub(ministry);
        HotlistPage first = hub.getHotlistSnapshot(null, 100);
        for (int i = 0; i < 5; i++) {
            ministry.removeEntry(GeneratedHotlist.reference(i));
        }

        assertThatThrownBy(() -> hub.getHotlistChanges(1, 100)).isInstanceOfSatisfying(VersionGoneFault.class,
                gone -> {
                    assertThat(gone.getFaultInfo().getOldestVersion()).isEqualTo(3);
                    assertThat(gone.getFaultInfo().getCurrentVersion()).isEqualTo(6);
                    assertThat(gone.getFaultInfo().getReason()).contains("take a new snapshot");
                });
        assertThatThrownBy(() -> hub.getHotlistSnapshot(first.getNextPageToken(), 100))
                .isInstanceOf(VersionGoneFault.class);
        assertThat(hub.getHotlistChanges(3, 100).getRemoved()).containsExactly("HL-00000002", "HL-00000003",
                "HL-00000004");
        assertThat(hub.getHotlistChanges(3, 2).isMoreChanges()).isTrue();
    }

    @Test
    void theChangeFeedAddsUpdatesAndRemovesEntries() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 5).changing(6_000));
        VehicleRegistry hub = hub(ministry);

        await().atMost(WAIT).until(() -> ministry.version() > 60);
        HotlistChanges changes = hub.getHotlistChanges(1, 10_000);

        assertThat(changes.getAdded()).isNotEmpty();
        assertThat(changes.getUpdated()).isNotEmpty();
        assertThat(changes.getRemoved()).isNotEmpty();
        assertThat(changes.getEntryCount())
                .isEqualTo(ENTRIES + changes.getAdded().size() - changes.getRemoved().size());
        assertThat(changes.getAdded()).extracting(HotlistEntry::getReference)
                .allMatch(reference -> reference.compareTo(GeneratedHotlist.reference(ENTRIES)) >= 0);
    }

    @Test
    void lookingUpAListedPlateGivesTheVehicleAndItsAlerts() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);
        Listing listed = ministry.list("HL-00000007").orElseThrow();
        Listing clone = ministry.addEntry(listed.plate(), listed.country(), AlertCategory.CLONE_SUSPICION, 60,
                "Same plate on a different car");

        VehicleRecord vehicle = hub.lookupVehicle(listed.plate(), listed.country());

        assertThat(vehicle.getPlate()).isEqualTo(listed.plate());
        assertThat(vehicle.getMake()).isNotBlank();
        assertThat(vehicle.getModel()).isNotBlank();
        assertThat(vehicle.getColour()).isNotBlank();
        assertThat(vehicle.getAlert()).extracting(VehicleAlert::getReference)
                .containsExactly(listed.reference(), clone.reference());
        assertThat(vehicle.getAlert()).extracting(VehicleAlert::getCategory)
                .containsExactly(listed.category(), AlertCategory.CLONE_SUSPICION);
        assertThat(vehicle.getAlert().get(0).getSisAlertId()).isEqualTo(listed.sisAlertId());
        assertThat(hub.lookupVehicle(listed.plate(), listed.country()).getMake()).isEqualTo(vehicle.getMake());
    }

    @Test
    void anUnlistedSpanishPlateIsARegisteredVehicleAndAnUnlistedForeignOneIsNotFound() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(0, 1));
        VehicleRegistry hub = hub(ministry);

        VehicleRecord vehicle = hub.lookupVehicle("4821KLB", "ES");
        assertThat(vehicle.getAlert()).isEmpty();
        assertThat(vehicle.getRegistrationStatus()).isNotEqualTo(RegistrationStatus.FOREIGN);
        assertThatThrownBy(() -> hub.lookupVehicle("12345A6", "MA")).isInstanceOfSatisfying(NotFoundFault.class,
                notFound -> assertThat(notFound.getFaultInfo().getReason()).contains("hotlist"));

        ministry.addEntry("12345A6", "MA", AlertCategory.WANTED_PERSON_VEHICLE, 95, "International notice");
        VehicleRecord foreign = hub.lookupVehicle("12345A6", "MA");
        assertThat(foreign.getRegistrationStatus()).isEqualTo(RegistrationStatus.FOREIGN);
        assertThat(foreign.getAlert()).singleElement().extracting(VehicleAlert::getCategory)
                .isEqualTo(AlertCategory.WANTED_PERSON_VEHICLE);
    }

    @Test
    void requestsThatMakeNoSenseAreInvalidWithTheReason() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);

        assertThatThrownBy(() -> hub.lookupVehicle("4821 KLB", "ES")).isInstanceOfSatisfying(
                InvalidRequestFault.class,
                invalid -> assertThat(invalid.getFaultInfo().getReason()).contains("normalised"));
        assertThatThrownBy(() -> hub.lookupVehicle("4821KLB", "Spain")).isInstanceOf(InvalidRequestFault.class);
        assertThatThrownBy(() -> hub.getHotlistSnapshot(null, 0)).isInstanceOfSatisfying(InvalidRequestFault.class,
                invalid -> assertThat(invalid.getFaultInfo().getReason()).isEqualTo("pageSize must be 1 to 10000."));
        assertThatThrownBy(() -> hub.getHotlistSnapshot("not-a-token", 10)).isInstanceOf(InvalidRequestFault.class);
        assertThatThrownBy(() -> hub.getHotlistSnapshot("99.0", 10)).isInstanceOf(InvalidRequestFault.class);
        assertThatThrownBy(() -> hub.getHotlistChanges(2, 10)).isInstanceOf(InvalidRequestFault.class);
        assertThatThrownBy(() -> hub.notifyHit("key-1", null)).isInstanceOf(InvalidRequestFault.class);
    }

    @Test
    void aHitNoticeSentTwiceIsAcknowledgedTwiceWithOneIdAndCountedOnce() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);
        Listing listed = ministry.list("HL-00000042").orElseThrow();
        Hit hit = hit(listed, "tarajal-1", Instant.parse("2026-11-21T10:00:00.250Z"));

        String first = hub.notifyHit("hub-alert-0001", hit);
        String retried = hub.notifyHit("hub-alert-0001", hit);
        String another = hub.notifyHit("hub-alert-0002", hit(listed, "puerto-1", Instant.now()));

        assertThat(first).startsWith("ACK-").isEqualTo(retried).isNotEqualTo(another);
        assertThat(ministry.hitNotices()).isEqualTo(2);
        assertThat(ministry.hitNoticesFor(listed.plate())).isEqualTo(2);
        assertThat(ministry.hitNoticesFor("0000BBB")).isZero();
        assertThatThrownBy(() -> hub.notifyHit("hub-alert-0001", hit(listed, "puerto-1", Instant.now())))
                .isInstanceOfSatisfying(InvalidRequestFault.class,
                        invalid -> assertThat(invalid.getFaultInfo().getReason()).contains("different hit"));
        assertThat(ministry.hitNotices()).isEqualTo(2);
    }

    @Test
    void aCallerWithoutTheAccountIsRefusedWithWsSecurityFaults() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        URI address = ministry.address();

        assertThat(faultCode(() -> RegistryClient.as(address, MinistrySettings.USER, "guess")
                .lookupVehicle("4821KLB", "ES"))).isEqualTo(new QName(RegistryClient.WSSE, "FailedAuthentication"));
        assertThat(faultCode(() -> RegistryClient.as(address, "someone-else", MinistrySettings.PASSWORD)
                .lookupVehicle("4821KLB", "ES"))).isEqualTo(new QName(RegistryClient.WSSE, "FailedAuthentication"));
        assertThat(faultCode(() -> RegistryClient.as(address, null, null).lookupVehicle("4821KLB", "ES")))
                .isEqualTo(new QName(RegistryClient.WSSE, "InvalidSecurity"));
        assertThat(faultCode(() -> RegistryClient.as(address, MinistrySettings.USER, "ZGlnZXN0",
                RegistryClient.PASSWORD_DIGEST).lookupVehicle("4821KLB", "ES")))
                .isEqualTo(new QName(RegistryClient.WSSE, "UnsupportedSecurityToken"));
        assertThatThrownBy(() -> RegistryClient.as(address, MinistrySettings.USER, "guess")
                .notifyHit("hub-alert-0001", hit(ministry.list("HL-00000001").orElseThrow(), "tarajal-1",
                        Instant.now()))).isInstanceOf(SOAPFaultException.class);
        assertThat(ministry.hitNotices()).isZero();
    }

    @Test
    void aMinistryThatIsDownRefusesConnectionsAndServesAgainWhenUp() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);
        URI address = ministry.address();
        assertThat(hub.getHotlistSnapshot(null, 10).getEntry()).hasSize(10);

        ministry.setDown(true);
        assertThatThrownBy(() -> new Socket(address.getHost(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> hub.getHotlistSnapshot(null, 10)).isInstanceOfSatisfying(WebServiceException.class,
                refused -> assertThat(causes(refused)).hasAtLeastOneElementOfType(ConnectException.class));

        ministry.setDown(false);
        assertThat(ministry.address()).isEqualTo(address);
        assertThat(hub.getHotlistSnapshot(null, 10).getEntry()).hasSize(10);
    }

    @Test
    void answersComeAsLateAsToldAndTheNextCallsFailWhenTold() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(ENTRIES, 1));
        VehicleRegistry hub = hub(ministry);

        ministry.setLatency(Duration.ofMillis(400));
        long began = System.nanoTime();
        hub.lookupVehicle("4821KLB", "ES");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        ministry.setLatency(Duration.ZERO);

        ministry.failNext(2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> hub.lookupVehicle("4821KLB", "ES")).isInstanceOfSatisfying(
                    ServiceUnavailableFault.class,
                    unavailable -> assertThat(unavailable.getFaultInfo().getRetryAfterSeconds()).isEqualTo(1));
        }
        assertThat(hub.lookupVehicle("4821KLB", "ES").getPlate()).isEqualTo("4821KLB");
    }

    @Test
    void aShareOfCallsFailsAndWhichOnesFollowsFromTheSeed() throws Exception {
        String one = failures(start(MinistrySettings.of(10, 77).failing(0.3)));
        String again = failures(start(MinistrySettings.of(10, 77).failing(0.3)));

        assertThat(again).isEqualTo(one);
        assertThat(one.chars().filter(c -> c == 'x').count()).isBetween(5L, 25L);
    }

    @Test
    void theContractIsServedAtItsAddress() throws Exception {
        InteriorMinistrySimulator ministry = start(MinistrySettings.of(10, 1));
        HttpClient http = HttpClient.newHttpClient();

        String wsdl = get(http, URI.create(ministry.address() + "?wsdl"));
        assertThat(wsdl).contains("urn:es:interior:vehicle-registry:v1", "GetHotlistChanges", "VersionGone");
        Matcher schema = Pattern.compile("schemaLocation=\"([^\"]+)\"").matcher(wsdl);
        assertThat(schema.find()).isTrue();
        assertThat(get(http, URI.create(schema.group(1)))).contains("name=\"HotlistEntry\"");
    }

    @Test
    void aSettingChangedAppliesAtOnceAndANewSeedMakesANewList() throws Exception {
        MinistrySettings settings = MinistrySettings.of(ENTRIES, 1);
        InteriorMinistrySimulator ministry = start(settings);
        ministry.removeEntry("HL-00000001");
        URI address = ministry.address();

        ministry.modified(settings.late(300).account("new-account", "new-password"));
        assertThat(ministry.version()).isEqualTo(2);
        assertThat(faultCode(() -> hub(ministry).lookupVehicle("4821KLB", "ES")))
                .isEqualTo(new QName(RegistryClient.WSSE, "FailedAuthentication"));
        long began = System.nanoTime();
        RegistryClient.as(address, "new-account", "new-password").lookupVehicle("4821KLB", "ES");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        ministry.modified(settings.seeded(2));
        assertThat(ministry.version()).isEqualTo(1);
        assertThat(ministry.list("HL-00000001")).isPresent();
        assertThat(hub(ministry).getHotlistSnapshot(null, 1).getEntry()).hasSize(1);
    }

    @Test
    void settingsItCannotRunWithAreRefusedBeforeAnythingStarts() {
        InteriorMinistrySimulator ministry = new InteriorMinistrySimulator();
        MinistrySettings fine = MinistrySettings.of(10, 1);

        assertThatThrownBy(() -> ministry.activate(fine.account(null, null))).hasMessageContaining("user");
        assertThatThrownBy(() -> ministry.activate(fine.account("hub", ""))).hasMessageContaining("password");
        assertThatThrownBy(() -> ministry.activate(fine.failing(1.5))).hasMessageContaining("faultRate");
        assertThatThrownBy(() -> ministry.activate(fine.changing(-1))).hasMessageContaining("changesPerMinute");
        assertThatThrownBy(() -> ministry.activate(MinistrySettings.of(20_000_000, 1))).hasMessageContaining("entries");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith(RegistryServer.THREAD_NAME));
    }

    private InteriorMinistrySimulator start(MinistrySettings settings) throws Exception {
        InteriorMinistrySimulator ministry = new InteriorMinistrySimulator();
        ministry.activate(settings);
        started.add(ministry);
        return ministry;
    }

    private static VehicleRegistry hub(InteriorMinistrySimulator ministry) {
        return RegistryClient.as(ministry.address(), MinistrySettings.USER, MinistrySettings.PASSWORD);
    }

    /** Every page of a new snapshot. */
    private static List<HotlistEntry> snapshot(VehicleRegistry hub, int pageSize) throws Exception {
        HotlistPage page = hub.getHotlistSnapshot(null, pageSize);
        List<HotlistEntry> entries = new ArrayList<>(page.getEntry());
        Set<String> tokens = new HashSet<>();
        while (page.getNextPageToken() != null) {
            assertThat(tokens.add(page.getNextPageToken())).isTrue();
            page = hub.getHotlistSnapshot(page.getNextPageToken(), pageSize);
            assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(pageSize);
            entries.addAll(page.getEntry());
        }
        assertThat(entries).hasSize((int) page.getEntryCount());
        return entries;
    }

    private static List<String> plates(List<HotlistEntry> entries) {
        return entries.stream().map(entry -> entry.getCountry() + " " + entry.getPlate()).toList();
    }

    private static Hit hit(Listing listed, String camera, Instant readAt) {
        CameraLocation location = new CameraLocation();
        location.setName("Frontera del Tarajal, salida");
        location.setLatitude(35.8727);
        location.setLongitude(-5.3379);
        Hit hit = new Hit();
        hit.setPlate(listed.plate());
        hit.setCountry(listed.country());
        hit.setEntryReference(listed.reference());
        hit.setCameraId(camera);
        hit.setCameraLocation(location);
        hit.setReadAt(readAt);
        hit.setImageReference("https://atalaya.example/evidence/sha256/3f2a");
        hit.setMatchKind(MatchKind.EXACT);
        return hit;
    }

    /** Forty calls: "." for an answer, "x" for ServiceUnavailable. */
    private static String failures(InteriorMinistrySimulator ministry) throws Exception {
        VehicleRegistry hub = hub(ministry);
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            try {
                hub.lookupVehicle("4821KLB", "ES");
                outcomes.append('.');
            } catch (ServiceUnavailableFault unavailable) {
                outcomes.append('x');
            }
        }
        return outcomes.toString();
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static QName faultCode(Call call) {
        try {
            call.run();
        } catch (SOAPFaultException fault) {
            return fault.getFault().getFaultCodeAsQName();
        } catch (Exception other) {
            throw new AssertionError("not a SOAP fault", other);
        }
        throw new AssertionError("no fault");
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
