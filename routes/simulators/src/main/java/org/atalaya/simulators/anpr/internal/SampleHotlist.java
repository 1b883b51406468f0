package org.atalaya.simulators.anpr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.atalaya.api.anpr.HotlistCategory;

/**
 * The demo's stolen and wanted vehicles ({@code sample-hotlist.csv}, source {@code demo}): the
 * hub lists them, and the simulated cameras read them now and then. Plain CSV without quoting,
 * as the file is ours.
 *
 * @param csv  the file as it is imported into the hub
 * @param rows its entries
 */
record SampleHotlist(String csv, List<Row> rows) {

    static final String RESOURCE = "/sample-hotlist.csv";
    static final String SOURCE = "demo";
    private static final List<String> COLUMNS =
            List.of("plate", "country", "category", "priority", "source", "reason", "reference");

    /** One listed plate. */
    record Row(Plate plate, HotlistCategory category, int priority, String source, String reason, String reference) {
    }

    SampleHotlist {
        rows = List.copyOf(rows);
    }

    static SampleHotlist load() {
        try (InputStream in = SampleHotlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not in the bundle");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SampleHotlist parse(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).split(",", -1)).equals(COLUMNS)) {
            throw new IllegalArgumentException("the header must be " + String.join(",", COLUMNS));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != COLUMNS.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length + " cells, not "
                        + COLUMNS.size());
            }
            int priority = Integer.parseInt(cells[3].strip());
            if (priority < 0 || priority > 100) {
                throw new IllegalArgumentException("line " + (i + 1) + ": priority " + priority + " is not 0 to 100");
            }
            rows.add(new Row(Plate.latin(cells[0].strip(), cells[1].strip().toUpperCase(Locale.ROOT)),
                    HotlistCategory.valueOf(cells[2].strip()), priority, cells[4].strip(), cells[5].strip(),
                    cells[6].strip()));
        }
        return new SampleHotlist(csv, rows);
    }

    List<Plate> plates() {
        return rows.stream().map(Row::plate).toList();
    }
}
