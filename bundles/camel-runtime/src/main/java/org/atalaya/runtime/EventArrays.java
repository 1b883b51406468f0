package org.atalaya.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical events carried several to a broker message, as a JSON array: a connector that takes
 * a batch off a device subscription sends the batch on as one message, not one message per
 * event, so the broker journals, delivers and acknowledges it once. The arrays are cut at
 * {@value #MAX_CHARS} characters, so that no message becomes a broker large message (a text body
 * takes two bytes a character, and the broker stores a message of 100 KiB or more in a file of
 * its own).
 */
public final class EventArrays {

    /** The length at which an array is cut; one event longer than that travels alone. */
    public static final int MAX_CHARS = 32 * 1024;

    private EventArrays() {
    }

    /**
     * The events, in order, as JSON arrays of at most {@link #MAX_CHARS} characters each.
     *
     * @param events each event's canonical JSON (an object)
     * @return no array for no events
     */
    public static List<String> of(List<String> events) {
        List<String> arrays = new ArrayList<>(1);
        StringBuilder array = new StringBuilder(Math.min(MAX_CHARS, 512 * events.size()));
        for (String event : events) {
            if (array.length() > 0 && array.length() + event.length() + 2 > MAX_CHARS) {
                arrays.add(array.append(']').toString());
                array.setLength(0);
            }
            array.append(array.length() == 0 ? '[' : ',').append(event);
        }
        if (array.length() > 0) {
            arrays.add(array.append(']').toString());
        }
        return arrays;
    }
}
