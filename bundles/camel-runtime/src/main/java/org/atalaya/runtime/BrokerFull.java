package org.atalaya.runtime;

/**
 * The hub's broker takes no event now: the free space on its journal's disk is under its
 * {@code min-disk-free}. Until space is freed, the broker holds every sender back, and a device
 * or an agency posting events would wait for its answer with no end; {@link EventBatch#sendTo}
 * refuses the batch with this instead, at once, so that its sender hears "send again later"
 * (the gate's problem mapper answers it {@code 503} with {@code Retry-After}). Nothing of the
 * batch is on the broker.
 */
public final class BrokerFull extends RuntimeException {

    /** What a sender refused for this is told to wait before it sends again (HTTP {@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final long serialVersionUID = 1L;

    public BrokerFull(String message) {
        super(message);
    }
}
