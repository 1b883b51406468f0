package org.atalaya.routes.vehicleregistry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.VehicleDetails;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.registry.v1.CameraLocation;
import org.atalaya.registry.v1.Hit;
import org.atalaya.registry.v1.MatchKind;
import org.atalaya.registry.v1.VehicleAlert;
import org.atalaya.registry.v1.VehicleRecord;

/** Between the ministry's contract and the hub's canonical model. */
final class RegistryMapping {

    /** The hub keeps this much of an entry's reason. */
    static final int MAX_REASON = 400;

    private RegistryMapping() {
    }

    /** A ministry entry as the hub lists it: the ministry's reference is the entry's reference. */
    static HotlistEntry entry(org.atalaya.registry.v1.HotlistEntry listed, String source) {
        String reason = listed.getReason() == null ? "" : listed.getReason();
        if (listed.getSisAlertId() != null && !listed.getSisAlertId().isBlank()) {
            reason = reason + " [SIS " + listed.getSisAlertId() + "]";
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        return new HotlistEntry(0, listed.getPlate(), listed.getCountry(), category(listed.getCategory()),
                listed.getPriority(), source, reason, listed.getReference(), listed.getValidFrom(),
                listed.getValidUntil());
    }

    static List<HotlistEntry> entries(List<org.atalaya.registry.v1.HotlistEntry> listed, String source) {
        List<HotlistEntry> entries = new ArrayList<>(listed.size());
        for (org.atalaya.registry.v1.HotlistEntry entry : listed) {
            entries.add(entry(entry, source));
        }
        return entries;
    }

    static HotlistCategory category(org.atalaya.registry.v1.AlertCategory category) {
        return HotlistCategory.valueOf(category.name());
    }

    static VehicleDetails details(VehicleRecord record, String source, Instant at) {
        List<VehicleDetails.VehicleAlert> alerts = new ArrayList<>(record.getAlert().size());
        for (VehicleAlert alert : record.getAlert()) {
            alerts.add(new VehicleDetails.VehicleAlert(alert.getReference(), category(alert.getCategory()),
                    alert.getPriority(), alert.getReason(), alert.getValidFrom(), alert.getValidUntil(),
                    alert.getSisAlertId()));
        }
        return new VehicleDetails(record.getPlate(), record.getCountry(), record.getRegistrationStatus().name(),
                record.getMake(), record.getModel(), record.getColour(), alerts, source, at);
    }

    /**
     * The hit as the ministry is told of it: where the camera is comes from the hub's camera
     * registry, or from the read itself when the camera is not registered.
     *
     * @throws IllegalArgumentException when the hit cannot be told: no country, no position
     */
    static Hit hit(HitAlert alert, Optional<Camera> camera) {
        Hit hit = new Hit();
        hit.setPlate(alert.read().plate());
        String country = alert.read().country() != null ? alert.read().country() : alert.entry().country();
        if (country == null) {
            throw new IllegalArgumentException("hit " + alert.id() + " has no country, from the read or its entry");
        }
        hit.setCountry(country);
        hit.setEntryReference(alert.entry().reference());
        hit.setCameraId(alert.read().cameraId());
        GeoPoint position = camera.map(Camera::position).orElse(alert.read().position());
        if (position == null) {
            throw new IllegalArgumentException("hit " + alert.id() + ": camera " + alert.read().cameraId()
                    + " is not registered and the read has no position");
        }
        CameraLocation location = new CameraLocation();
        camera.ifPresent(known -> location.setName(known.name()));
        location.setLatitude(position.latitude());
        location.setLongitude(position.longitude());
        hit.setCameraLocation(location);
        hit.setReadAt(alert.read().capturedAt());
        if (alert.read().imageRef() != null && !alert.read().imageRef().isBlank()) {
            hit.setImageReference(alert.read().imageRef());
        }
        hit.setMatchKind(MatchKind.valueOf(alert.matchKind().name()));
        return hit;
    }
}
