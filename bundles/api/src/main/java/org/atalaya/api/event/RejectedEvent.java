package org.atalaya.api.event;

/**
 * Thrown at the edge when an event cannot be accepted as it is: malformed, incomplete, out of
 * range, or from the wrong sender. Never retried; the reason travels with the event to the
 * dead-letter address, or back to the sender where it waits for an answer.
 */
public class RejectedEvent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedEvent(String reason) {
        super(reason);
    }

    public RejectedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
