package org.atalaya.api.security;

/**
 * The policy's answer to one call.
 *
 * @param outcome what the policy decided
 * @param reason  in words the caller can act on; empty when allowed
 */
public record Decision(Outcome outcome, String reason) {

    public enum Outcome {
        /** Granted. */
        ALLOWED,
        /** Not granted: HTTP 403, a SOAP fault. */
        DENIED,
        /** Granted only with a purpose (or a case reference) the call did not give: HTTP 400. */
        INCOMPLETE
    }

    public static Decision allow() {
        return new Decision(Outcome.ALLOWED, "");
    }

    public static Decision deny(String reason) {
        return new Decision(Outcome.DENIED, reason);
    }

    public static Decision incomplete(String reason) {
        return new Decision(Outcome.INCOMPLETE, reason);
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }
}
