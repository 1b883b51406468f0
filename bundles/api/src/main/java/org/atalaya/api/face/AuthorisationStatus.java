package org.atalaya.api.face;

/** Where an authorisation of real-time remote biometric identification stands. */
public enum AuthorisationStatus {
    /**
     * Requested by the police in urgency: matches it covers are delivered at once, while the
     * judicial authority decides; it lapses ({@link #EXPIRED}) at its decision deadline.
     */
    REQUESTED_URGENT,
    /** Granted by the judicial authority. */
    GRANTED,
    /** Refused by the judicial authority: everything delivered under it was purged. */
    REFUSED,
    /** An urgent request not granted in time: counts as refused, everything delivered under it was purged. */
    EXPIRED
}
