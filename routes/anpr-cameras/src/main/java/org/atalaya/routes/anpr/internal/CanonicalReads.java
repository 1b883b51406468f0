package org.atalaya.routes.anpr.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.EventArrays;

/**
 * Reads as they go on {@code atalaya.in.anpr}: JSON arrays of canonical reads, the reads of a
 * batch or of a post together ({@link EventArrays}). No message carries a duplicate id: a read
 * sent twice (a camera repeating a publish, a post sent again) is matched twice, and what it
 * leads to is kept once: its alert ids derive from the read's id, and the archive stores a read
 * once by its id.
 */
final class CanonicalReads {

    private CanonicalReads() {
    }

    /** The messages that carry {@code reads}, in order; none for no reads. */
    static List<String> messages(List<PlateRead> reads) throws JsonProcessingException {
        List<String> json = new ArrayList<>(reads.size());
        for (PlateRead read : reads) {
            json.add(CanonicalJson.mapper().writeValueAsString(read));
        }
        return EventArrays.of(json);
    }
}
