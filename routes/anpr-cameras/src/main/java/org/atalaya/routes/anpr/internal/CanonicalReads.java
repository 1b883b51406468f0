package org.atalaya.routes.anpr.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.EventArrays;

/**
 * Reads as they go on {@code atalaya.in.anpr}: JSON arrays of canonical reads, the reads of a
 * batch or of a post together ({@link EventArrays}), or what one MQTT payload carried, as one
 * message ({@link #message}). No message carries a duplicate id: a read
 * sent twice (a camera repeating a publish, a post sent again) is matched twice, and what it
 * leads to is kept once: its alert ids derive from the read's id, and the archive stores a read
 * once by its id.
 */
final class CanonicalReads {

    private CanonicalReads() {
    }

    /** The messages that carry {@code reads}, in order; none for no reads. */
    static List<String> messages(List<PlateRead> reads) throws JsonProcessingException {
        return EventArrays.of(json(reads));
    }

    /** One message that carries all of {@code reads}: the read itself, or a JSON array of them. */
    static String message(List<PlateRead> reads) throws JsonProcessingException {
        List<String> json = json(reads);
        return json.size() == 1 ? json.get(0) : "[" + String.join(",", json) + "]";
    }

    private static List<String> json(List<PlateRead> reads) throws JsonProcessingException {
        List<String> json = new ArrayList<>(reads.size());
        for (PlateRead read : reads) {
            json.add(CanonicalJson.mapper().writeValueAsString(read));
        }
        return json;
    }
}
