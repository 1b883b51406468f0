package org.atalaya.api.anpr;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The stolen and wanted vehicle list every read is checked against. A change takes effect for
 * the next read, and an added entry is also checked against the reads of the retention period
 * (past hits).
 */
public interface Hotlist {

    /** Lists a plate; the entry's id is ignored and the stored one returned. */
    HotlistEntry add(HotlistEntry entry);

    /** Replaces the entry with the same id, if there is one; returns it as listed now. */
    Optional<HotlistEntry> update(HotlistEntry entry);

    Optional<HotlistEntry> remove(long id);

    Optional<HotlistEntry> find(long id);

    /**
     * Entries by id, after {@code afterId}, at most {@code limit}; only those of {@code plate}
     * (normalised) when it is not null.
     */
    List<HotlistEntry> list(String plate, long afterId, int limit);

    /** How many entries are listed. */
    long size();

    /**
     * Imports CSV with the header {@code plate,country,category,priority} and, optionally,
     * {@code source,reason,reference,valid_from,valid_until} in any order. A row whose source and
     * reference are already listed replaces that entry. Rows that are not valid are reported, not
     * imported; the valid ones are.
     *
     * @param csv           the CSV text
     * @param defaultSource the source of rows without one
     * @param progress      told the number of rows read so far, now and then
     */
    HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) throws IOException;

    /**
     * The key reads of a plate are stored under: its OCR-canonical form, shared by every plate a
     * camera could confuse it with ({@link PlateReadRepository#readsWithKey}).
     */
    String plateKey(String plate);

    /** How a plate, as a camera might read it, matches the list now, and why. */
    PlateCheck check(String plate, String country);
}
