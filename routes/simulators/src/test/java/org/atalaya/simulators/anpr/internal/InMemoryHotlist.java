package org.atalaya.simulators.anpr.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.correlation.plate.PlateNormaliser;

/**
 * The hub's hotlist, kept in memory, counting how it is used. Imports the sample's columns in
 * the sample's order only; a row whose source and reference are listed replaces that entry.
 */
final class InMemoryHotlist implements Hotlist {

    private final Map<Long, HotlistEntry> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger imports = new AtomicInteger();

    @Override
    public HotlistEntry add(HotlistEntry entry) {
        long id = ids.incrementAndGet();
        HotlistEntry stored = new HotlistEntry(id, entry.plate(), entry.country(), entry.category(), entry.priority(),
                entry.source(), entry.reason(), entry.reference(), entry.validFrom(), entry.validUntil());
        entries.put(id, stored);
        return stored;
    }

    @Override
    public Optional<HotlistEntry> update(HotlistEntry entry) {
        return Optional.ofNullable(entries.computeIfPresent(entry.id(), (id, old) -> entry));
    }

    @Override
    public Optional<HotlistEntry> remove(long id) {
        return Optional.ofNullable(entries.remove(id));
    }

    @Override
    public Optional<HotlistEntry> find(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<HotlistEntry> list(String plate, long afterId, int limit) {
        lookups.incrementAndGet();
        return entries.values().stream().filter(entry -> entry.id() > afterId)
                .filter(entry -> plate == null || entry.plate().equals(PlateNormaliser.normalise(plate)))
                .limit(limit).toList();
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) throws IOException {
        imports.incrementAndGet();
        long added = 0;
        long replaced = 0;
        List<String> rejected = new ArrayList<>();
        BufferedReader lines = new BufferedReader(csv);
        lines.readLine();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String[] cells = line.split(",", -1);
            try {
                HotlistEntry entry = new HotlistEntry(0, PlateNormaliser.normalise(cells[0]), cells[1],
                        HotlistCategory.valueOf(cells[2]), Integer.parseInt(cells[3]),
                        cells[4].isEmpty() ? defaultSource : cells[4], cells[5], cells[6], Instant.now(), null);
                Optional<HotlistEntry> same = entries.values().stream()
                        .filter(old -> old.source().equals(entry.source()) && old.reference().equals(entry.reference()))
                        .findFirst();
                if (same.isPresent()) {
                    entries.remove(same.get().id());
                    replaced++;
                } else {
                    added++;
                }
                add(entry);
            } catch (RuntimeException e) {
                rejected.add(number + ": " + e.getMessage());
            }
        }
        progress.accept(number - 1);
        return new HotlistImport(added, replaced, rejected);
    }

    @Override
    public String plateKey(String plate) {
        throw new UnsupportedOperationException("not needed by the simulator");
    }

    @Override
    public PlateCheck check(String plate, String country) {
        throw new UnsupportedOperationException("not needed by the simulator");
    }
}
