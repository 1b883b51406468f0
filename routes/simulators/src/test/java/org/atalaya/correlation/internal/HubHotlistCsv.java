package org.atalaya.correlation.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atalaya.api.anpr.HotlistEntry;

/**
 * The hub's own hotlist CSV reader, opened to the simulator's tests: it lives in the correlation
 * bundle's internal package, so the sample hotlist is read by the very code that imports it.
 *
 * @param entries  the rows the hub would list
 * @param rejected the rows it would refuse, with the reason
 */
public record HubHotlistCsv(List<HotlistEntry> entries, List<String> rejected) {

    public static HubHotlistCsv read(String csv, String defaultSource) throws IOException {
        HotlistCsv reader = new HotlistCsv(defaultSource, Instant.now());
        List<HotlistEntry> entries = new ArrayList<>();
        reader.read(new StringReader(csv), 100, entries::addAll);
        return new HubHotlistCsv(entries, reader.rejected());
    }
}
