package org.atalaya.biometricguard.internal;

import java.time.Duration;

/**
 * The guard's rules that configuration may tune, within what the law allows.
 *
 * @param holdWindow            how long a match no authorisation covers is kept, waiting for one
 * @param urgentLimit           how long an urgent request delivers matches before it must be granted
 * @param recipient             the agency matches are delivered to
 * @param judicialAuthority     the agency that grants and refuses authorisations
 * @param confirmationsRequired how many distinct people of the recipient make a match actionable
 */
record GuardSettings(Duration holdWindow, Duration urgentLimit, String recipient, String judicialAuthority,
        int confirmationsRequired) {

    /** The AI Act's ceiling: an urgent use must be authorised within 24 hours. */
    static final Duration LEGAL_URGENT_LIMIT = Duration.ofHours(24);
    /** Data minimisation: a match nobody may see is not kept longer than this, whatever the setting. */
    static final Duration LONGEST_HOLD = Duration.ofHours(1);

    GuardSettings {
        if (holdWindow.compareTo(Duration.ofMinutes(1)) < 0 || holdWindow.compareTo(LONGEST_HOLD) > 0) {
            throw new IllegalArgumentException("holdWindowMinutes must be from 1 to " + LONGEST_HOLD.toMinutes()
                    + ": " + holdWindow.toMinutes());
        }
        if (urgentLimit.compareTo(Duration.ofHours(1)) < 0 || urgentLimit.compareTo(LEGAL_URGENT_LIMIT) > 0) {
            throw new IllegalArgumentException("urgentHours must be from 1 to " + LEGAL_URGENT_LIMIT.toHours()
                    + " (the AI Act's limit for urgent use without authorisation): " + urgentLimit.toHours());
        }
        if (confirmationsRequired < 2) {
            throw new IllegalArgumentException("confirmationsRequired must be at least 2 (no decision may rest on"
                    + " one person's reading of the system's output): " + confirmationsRequired);
        }
        if (recipient == null || recipient.isBlank() || judicialAuthority == null || judicialAuthority.isBlank()) {
            throw new IllegalArgumentException("recipient and judicialAuthority must both be set");
        }
        recipient = recipient.strip();
        judicialAuthority = judicialAuthority.strip();
        if (recipient.equals(judicialAuthority)) {
            throw new IllegalArgumentException("the recipient of the matches cannot be the judicial authority"
                    + " that authorises them: " + recipient);
        }
    }
}
