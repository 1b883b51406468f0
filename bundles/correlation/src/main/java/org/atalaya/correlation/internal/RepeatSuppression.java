package org.atalaya.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One alert for a plate at a camera within a window: a car waiting at the Tarajal border queue
 * is read every few seconds, and the control centres need to hear about it once, not forty
 * times. Keyed by camera and plate; a read captured within the window after the last alerted
 * one (or before it, arriving late) is suppressed.
 */
public final class RepeatSuppression {

    private final long windowMillis;
    private final ConcurrentHashMap<String, Long> lastAlerted = new ConcurrentHashMap<>();

    public RepeatSuppression(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /**
     * Whether a hit on {@code plate} at {@code cameraId} captured at {@code capturedAt} is the
     * first in its window; if so it is remembered as the last alerted one.
     */
    public boolean admit(String cameraId, String plate, Instant capturedAt) {
        long at = capturedAt.toEpochMilli();
        boolean[] admitted = new boolean[1];
        lastAlerted.compute(cameraId + '|' + plate, (key, last) -> {
            if (last == null || at - last >= windowMillis) {
                admitted[0] = true;
                return at;
            }
            return last;
        });
        return admitted[0];
    }

    /** Forgets what is older than the window before {@code now}; returns how many it forgot. */
    public int expire(Instant now) {
        long oldest = now.toEpochMilli() - windowMillis;
        int before = lastAlerted.size();
        lastAlerted.values().removeIf(last -> last < oldest);
        return before - lastAlerted.size();
    }

    int remembered() {
        return lastAlerted.size();
    }
}
