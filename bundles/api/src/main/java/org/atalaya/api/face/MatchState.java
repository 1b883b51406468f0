package org.atalaya.api.face;

/** A delivered match's state: no decision may rest on the system's output alone. */
public enum MatchState {
    /** Delivered: people of the agency must verify it before anyone acts on it. */
    PENDING_VERIFICATION,
    /** Confirmed by enough distinct people of the agency: it may be acted upon. */
    ACTIONABLE
}
