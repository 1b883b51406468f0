package org.atalaya.api.anpr;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the hotlist is kept (the store bundle). The correlation bundle is its one writer: it
 * keeps its in-memory index in step; others use {@link Hotlist}.
 */
public interface HotlistRepository {

    /** Stores new entries in one transaction; returns them with their ids. */
    List<HotlistEntry> add(List<HotlistEntry> entries);

    Optional<HotlistEntry> update(HotlistEntry entry);

    Optional<HotlistEntry> remove(long id);

    Optional<HotlistEntry> find(long id);

    Optional<HotlistEntry> findByReference(String source, String reference);

    List<HotlistEntry> list(String plate, long afterId, int limit);

    /** Streams every entry to {@code sink}; returns how many. */
    long forEach(Consumer<HotlistEntry> sink);

    long count();
}
