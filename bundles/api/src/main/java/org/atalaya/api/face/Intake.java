package org.atalaya.api.face;

/** What the guard did with an incoming match. */
public enum Intake {
    /** An authorisation covers it: delivered, pending verification. */
    DELIVERED,
    /** No authorisation covers it (yet): held for the hold window, then deleted unless one comes. */
    HELD,
    /** The guard has it already (a redelivery): nothing changed. */
    DUPLICATE
}
