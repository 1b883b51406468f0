package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Every plate read of the retention period (the store bundle). */
public interface PlateReadRepository {

    /**
     * Stores the reads not stored yet, in one transaction; returns how many were new.
     *
     * @param plateKey the key a read is found by later: its plate's OCR-canonical form
     */
    int save(List<PlateRead> reads, UnaryOperator<String> plateKey);

    /** The reads stored under a key since a time, oldest first. */
    List<PlateRead> readsWithKey(String key, Instant since);

    /** Deletes the reads captured before a time; returns how many. */
    int purge(Instant before);

    long count();
}
