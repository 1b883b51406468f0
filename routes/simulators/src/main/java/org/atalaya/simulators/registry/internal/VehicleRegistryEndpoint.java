package org.atalaya.simulators.registry.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jws.WebService;

import org.atalaya.registry.v1.CameraLocation;
import org.atalaya.registry.v1.Hit;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistEntry;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.registry.v1.InvalidRequestDetail;
import org.atalaya.registry.v1.InvalidRequestFault;
import org.atalaya.registry.v1.NotFoundDetail;
import org.atalaya.registry.v1.NotFoundFault;
import org.atalaya.registry.v1.ServiceUnavailableDetail;
import org.atalaya.registry.v1.ServiceUnavailableFault;
import org.atalaya.registry.v1.VehicleAlert;
import org.atalaya.registry.v1.VehicleRecord;
import org.atalaya.registry.v1.VehicleRegistry;
import org.atalaya.registry.v1.VersionGoneDetail;
import org.atalaya.registry.v1.VersionGoneFault;
import org.atalaya.simulators.registry.Listing;

/**
 * The simulated ministry's answers to the four operations of the vehicle registry contract. Each
 * operation first waits for the injected latency and fails if told to; then it checks what it is
 * asked and says what is wrong with an InvalidRequest, as the ministry's service would.
 */
@WebService(serviceName = "VehicleRegistryService", portName = "VehicleRegistryPort",
        targetNamespace = "urn:es:interior:vehicle-registry:v1",
        endpointInterface = "org.atalaya.registry.v1.VehicleRegistry")
public class VehicleRegistryEndpoint implements VehicleRegistry {

    static final int MAX_PAGE_SIZE = 10_000;

    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** A page token: the snapshot's version and the number of the entry the page starts at. */
    private static final Pattern PAGE_TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,10})");
    private static final int RETRY_AFTER_SECONDS = 1;

    private final MinistryHotlist hotlist;
    private final VehicleRegister register;
    private final HitNotices notices;
    private final FaultInjection faults;

    VehicleRegistryEndpoint(MinistryHotlist hotlist, VehicleRegister register, HitNotices notices,
            FaultInjection faults) {
        this.hotlist = hotlist;
        this.register = register;
        this.notices = notices;
        this.faults = faults;
    }

    @Override
    public HotlistPage getHotlistSnapshot(String pageToken, int pageSize)
            throws InvalidRequestFault, VersionGoneFault, ServiceUnavailableFault {
        answerOrFail();
        requireRange("pageSize", pageSize);
        long version = 0;
        int start = 0;
        if (pageToken != null && !pageToken.isBlank()) {
            Matcher token = PAGE_TOKEN.matcher(pageToken.strip());
            if (!token.matches() || Long.parseLong(token.group(2)) > Integer.MAX_VALUE
                    || Long.parseLong(token.group(1)) < 1) {
                throw invalid("The page token is not one this service gave.");
            }
            version = Long.parseLong(token.group(1));
            start = Integer.parseInt(token.group(2));
        }
        MinistryHotlist.Page page;
        try {
            page = hotlist.page(version, start, pageSize);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        } catch (MinistryHotlist.VersionGone gone) {
            throw versionGone(gone);
        }
        HotlistPage answer = new HotlistPage();
        answer.setSnapshotVersion(page.version());
        answer.setEntryCount(page.entryCount());
        page.entries().forEach(listing -> answer.getEntry().add(entry(listing)));
        if (page.next() >= 0) {
            answer.setNextPageToken(page.version() + "." + page.next());
        }
        return answer;
    }

    @Override
    public HotlistChanges getHotlistChanges(long sinceVersion, int maxChanges)
            throws InvalidRequestFault, VersionGoneFault, ServiceUnavailableFault {
        answerOrFail();
        requireRange("maxChanges", maxChanges);
        MinistryHotlist.Changes changes;
        try {
            changes = hotlist.changes(sinceVersion, maxChanges);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        } catch (MinistryHotlist.VersionGone gone) {
            throw versionGone(gone);
        }
        HotlistChanges answer = new HotlistChanges();
        answer.setFromVersion(changes.fromVersion());
        answer.setToVersion(changes.toVersion());
        answer.setEntryCount(changes.entryCount());
        changes.added().forEach(listing -> answer.getAdded().add(entry(listing)));
        changes.updated().forEach(listing -> answer.getUpdated().add(entry(listing)));
        answer.getRemoved().addAll(changes.removed());
        answer.setMoreChanges(changes.moreChanges());
        return answer;
    }

    @Override
    public VehicleRecord lookupVehicle(String plate, String country)
            throws InvalidRequestFault, NotFoundFault, ServiceUnavailableFault {
        answerOrFail();
        requirePlate(plate, country);
        List<Listing> listed = hotlist.listed(plate, country);
        Optional<VehicleRegister.Vehicle> vehicle = register.vehicle(plate, country, !listed.isEmpty());
        if (vehicle.isEmpty()) {
            NotFoundDetail detail = new NotFoundDetail();
            detail.setReason("Neither the national register nor the hotlist has that plate.");
            throw new NotFoundFault(detail.getReason(), detail);
        }
        VehicleRecord answer = new VehicleRecord();
        answer.setPlate(plate);
        answer.setCountry(country);
        answer.setRegistrationStatus(vehicle.get().status());
        answer.setMake(vehicle.get().make());
        answer.setModel(vehicle.get().model());
        answer.setColour(vehicle.get().colour());
        for (Listing listing : listed) {
            VehicleAlert alert = new VehicleAlert();
            alert.setReference(listing.reference());
            alert.setCategory(listing.category());
            alert.setPriority(listing.priority());
            alert.setReason(listing.reason());
            alert.setValidFrom(listing.validFrom());
            alert.setValidUntil(listing.validUntil());
            alert.setSisAlertId(listing.sisAlertId());
            answer.getAlert().add(alert);
        }
        return answer;
    }

    @Override
    public String notifyHit(String idempotencyKey, Hit hit) throws InvalidRequestFault, ServiceUnavailableFault {
        answerOrFail();
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw invalid("An idempotencyKey of 1 to 128 characters is required.");
        }
        if (hit == null) {
            throw invalid("The hit is required.");
        }
        requirePlate(hit.getPlate(), hit.getCountry());
        CameraLocation location = hit.getCameraLocation();
        if (blank(hit.getEntryReference()) || blank(hit.getCameraId()) || location == null || hit.getReadAt() == null
                || hit.getMatchKind() == null) {
            throw invalid("A hit needs its entryReference, cameraId, cameraLocation, readAt and matchKind.");
        }
        if (!(Math.abs(location.getLatitude()) <= 90 && Math.abs(location.getLongitude()) <= 180)) {
            throw invalid("The camera's latitude must be -90 to 90 and its longitude -180 to 180.");
        }
        String said = String.join("|", hit.getPlate(), hit.getCountry(), hit.getEntryReference(), hit.getCameraId(),
                String.valueOf(location.getName()), Double.toString(location.getLatitude()),
                Double.toString(location.getLongitude()), hit.getReadAt().toString(),
                String.valueOf(hit.getImageReference()), hit.getMatchKind().name());
        try {
            return notices.acknowledge(idempotencyKey, hit.getPlate(), said);
        } catch (HitNotices.KeyReused reused) {
            throw invalid(reused.getMessage());
        }
    }

    private void answerOrFail() throws ServiceUnavailableFault {
        String failure = faults.beforeAnswer();
        if (failure != null) {
            ServiceUnavailableDetail detail = new ServiceUnavailableDetail();
            detail.setReason(failure);
            detail.setRetryAfterSeconds(RETRY_AFTER_SECONDS);
            throw new ServiceUnavailableFault(failure, detail);
        }
    }

    private static HotlistEntry entry(Listing listing) {
        HotlistEntry entry = new HotlistEntry();
        entry.setReference(listing.reference());
        entry.setPlate(listing.plate());
        entry.setCountry(listing.country());
        entry.setCategory(listing.category());
        entry.setPriority(listing.priority());
        entry.setReason(listing.reason());
        entry.setValidFrom(listing.validFrom());
        entry.setValidUntil(listing.validUntil());
        entry.setSisAlertId(listing.sisAlertId());
        return entry;
    }

    private static void requirePlate(String plate, String country) throws InvalidRequestFault {
        if (plate == null || !PLATE.matcher(plate).matches()) {
            throw invalid("The plate must be normalised: 1 to 15 upper-case Latin letters and digits.");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw invalid("The country must be an ISO 3166-1 alpha-2 code.");
        }
    }

    private static void requireRange(String name, int value) throws InvalidRequestFault {
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw invalid(name + " must be 1 to " + MAX_PAGE_SIZE + ".");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static InvalidRequestFault invalid(String reason) {
        InvalidRequestDetail detail = new InvalidRequestDetail();
        detail.setReason(reason);
        return new InvalidRequestFault(reason, detail);
    }

    private static VersionGoneFault versionGone(MinistryHotlist.VersionGone gone) {
        VersionGoneDetail detail = new VersionGoneDetail();
        detail.setReason(gone.getMessage());
        detail.setOldestVersion(gone.oldestVersion());
        detail.setCurrentVersion(gone.currentVersion());
        return new VersionGoneFault(gone.getMessage(), detail);
    }
}
