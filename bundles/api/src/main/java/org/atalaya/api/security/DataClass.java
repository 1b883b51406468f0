package org.atalaya.api.security;

import java.util.Locale;

/**
 * The classes of data the hub carries. The policy grants each agency reading or writing each
 * class; a consultation of a class that holds personal data must say its purpose.
 */
public enum DataClass {
    /** Every plate a camera read: personal data. */
    PLATE_READS(true),
    /** Hotlist hits, past hits and cloned-plate alerts: personal data. */
    HITS(true),
    /** The stolen and wanted vehicle list: personal data. */
    HOTLIST(true),
    /** Face-recognition matches and their authorisations: biometric, the most sensitive data. */
    FACE_MATCHES(true),
    /** Fire detections and tower weather. */
    FIRE(false),
    /** Traffic, energy, environment and weather readings. */
    SENSORS(false),
    /** Images and evidence packages for judicial proceedings: personal data. */
    EVIDENCE(true),
    /** The consultation log itself: who looked at what, so personal data. */
    AUDIT(true),
    /** The registry of cameras and other devices. */
    DEVICES(false);

    private final boolean personal;

    DataClass(boolean personal) {
        this.personal = personal;
    }

    /** Whether the class holds personal data, so that consulting it needs a purpose. */
    public boolean personal() {
        return personal;
    }

    /** The name used in configuration and in the audit log: {@code plate-reads}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The class named {@code id} ({@code plate-reads} or {@code PLATE_READS}). */
    public static DataClass of(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("'" + id + "' is not a data class; one of "
                    + java.util.Arrays.stream(values()).map(DataClass::id).toList(), unknown);
        }
    }
}
