package org.atalaya.correlation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.correlation.plate.PlateNormaliser;

/**
 * Reads a hotlist in CSV: the header {@code plate,country,category,priority} and, optionally,
 * {@code source,reason,reference,valid_from,valid_until}, in any order. Fields may be quoted
 * ({@code "a, b"}, {@code ""} for a quote). Rows are streamed in chunks, so a ten-million-row
 * list never sits in memory whole; a bad row is reported with its line number and skipped.
 */
final class HotlistCsv {

    static final List<String> REQUIRED = List.of("plate", "country", "category", "priority");
    static final List<String> OPTIONAL = List.of("source", "reason", "reference", "valid_from", "valid_until");

    private final String defaultSource;
    private final Instant now;
    // a plate or a country is far shorter; longer is not one, whatever else is wrong with it
    private static final int MAX_TEXT = 64;

    private final List<String> rejected = new ArrayList<>();
    private long rows;

    HotlistCsv(String defaultSource, Instant now) {
        this.defaultSource = defaultSource;
        this.now = now;
    }

    /**
     * Reads every row, handing valid entries to {@code chunks} in lists of at most
     * {@code chunkSize}.
     *
     * @throws IllegalArgumentException when the header lacks a required column
     */
    void read(Reader csv, int chunkSize, Consumer<List<HotlistEntry>> chunks) throws IOException {
        BufferedReader lines = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv);
        String headerLine = lines.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException("empty CSV: the header plate,country,category,priority is missing");
        }
        Map<String, Integer> columns = header(headerLine);
        int width = fields(headerLine).size();
        List<HotlistEntry> chunk = new ArrayList<>(chunkSize);
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            try {
                List<String> fields = fields(line);
                if (fields.size() > width) {
                    throw new IllegalArgumentException(fields.size() + " cells, where the header has " + width);
                }
                chunk.add(entry(fields, columns));
            } catch (IllegalArgumentException bad) {
                rejected.add("line " + lineNumber + ": " + bad.getMessage());
            }
            if (chunk.size() == chunkSize) {
                chunks.accept(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.accept(chunk);
        }
    }

    /** Rows read so far, valid or not. */
    long rows() {
        return rows;
    }

    /** One line per refused row. */
    List<String> rejected() {
        return rejected;
    }

    /**
     * Text that fits its column in the store and holds no control character nor U+FFFD, which
     * is what a reader puts where the bytes were not UTF-8.
     */
    private static void checkText(String field, String text, int maxLength) {
        if (text == null) {
            return;
        }
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw new IllegalArgumentException(field + " holds a control character or bytes that are not UTF-8");
        }
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = fields(line.startsWith("\uFEFF") ? line.substring(1) : line);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (REQUIRED.contains(name) || OPTIONAL.contains(name)) {
                columns.putIfAbsent(name, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV header lacks " + String.join(", ", missing)
                    + " (required: plate,country,category,priority)");
        }
        return columns;
    }

    private HotlistEntry entry(List<String> fields, Map<String, Integer> columns) {
        HotlistCategory category = category(field(fields, columns, "category"));
        int priority = priority(field(fields, columns, "priority"));
        String source = orDefault(field(fields, columns, "source"), defaultSource);
        Instant validFrom = instant(field(fields, columns, "valid_from"), "valid_from");
        Instant validUntil = instant(field(fields, columns, "valid_until"), "valid_until");
        return normalised(new HotlistEntry(0, field(fields, columns, "plate"), field(fields, columns, "country"),
                category, priority, source, blankToNull(field(fields, columns, "reason")),
                blankToNull(field(fields, columns, "reference")), validFrom == null ? now : validFrom, validUntil));
    }

    /**
     * An entry with its plate and country in normal form, however they were written
     * ({@code 1234-bcd}, {@code es}); an entry whose plate is not a plate, or whose country is
     * not an ISO 3166 alpha-2 code, is refused. The one check for every way into the hotlist.
     */
    static HotlistEntry normalised(HotlistEntry entry) {
        checkText("plate", entry.plate(), MAX_TEXT);
        checkText("country", entry.country(), MAX_TEXT);
        checkText("source", entry.source(), HotlistEntry.MAX_SOURCE);
        checkText("reason", entry.reason(), HotlistEntry.MAX_REASON);
        checkText("reference", entry.reference(), HotlistEntry.MAX_REFERENCE);
        String plate = PlateNormaliser.normalise(entry.plate());
        if (plate == null || entry.plate().isBlank()) {
            throw new IllegalArgumentException("'" + entry.plate() + "' is not a licence plate");
        }
        String country = PlateNormaliser.country(entry.country());
        if (country == null && entry.country() != null && !entry.country().isBlank()) {
            throw new IllegalArgumentException("country '" + entry.country() + "' is not an ISO 3166 alpha-2 code");
        }
        return new HotlistEntry(entry.id(), plate, country, entry.category(), entry.priority(), entry.source(),
                entry.reason(), entry.reference(), entry.validFrom(), entry.validUntil());
    }

    static HotlistCategory category(String text) {
        try {
            return HotlistCategory.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("category '" + text + "' is not one of "
                    + java.util.Arrays.toString(HotlistCategory.values()));
        }
    }

    private static int priority(String text) {
        try {
            int priority = Integer.parseInt(text.strip());
            if (priority < 0 || priority > 100) {
                throw new NumberFormatException();
            }
            return priority;
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("priority '" + text + "' is not a whole number from 0 to 100");
        }
    }

    /** An ISO-8601 instant, or a date (midnight UTC), or {@code null} when blank. */
    static Instant instant(String text, String column) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text.strip());
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException(column + " '" + text + "' is not an ISO-8601 date or instant");
        }
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= fields.size() ? "" : fields.get(index);
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
