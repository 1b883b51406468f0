package org.atalaya.api.face;

import java.util.Objects;

/** The guard refused what was asked, and why; the message says it in words the caller can act on. */
public class GuardRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as a REST endpoint would answer it. */
    public enum Reason {
        /** No such authorisation or match, or none the caller's agency may see (404). */
        NOT_FOUND,
        /** The caller's agency may not do this (403). */
        FORBIDDEN,
        /** Not in this state: decided already, confirmed already by this person (409). */
        CONFLICT,
        /** The audit log could not record it, so it was not done (503). */
        UNAVAILABLE
    }

    private final Reason reason;

    public GuardRefusal(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public GuardRefusal(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
