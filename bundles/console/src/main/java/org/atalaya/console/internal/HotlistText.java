package org.atalaya.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.PlateCheck;

/**
 * How the console writes hotlist entries, plate checks and import results: plain lines, so that
 * what an operator reads can be tested without a shell.
 */
final class HotlistText {

    /** Shown for a value that is not there. */
    static final String NONE = "-";

    /** The headers of {@code hotlist-list}. */
    static final List<String> ENTRY_COLUMNS = List.of("Id", "Plate", "Country", "Category", "Priority", "Source",
            "Reference", "Valid from", "Valid until");

    private HotlistText() {
    }

    /** {@code 1,250,000}: the same grouping whatever the locale of the hub. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An instant to the second, in UTC, or {@link #NONE}. */
    static String instant(Instant instant) {
        return instant == null ? NONE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A listed country, or {@code any} for an entry of every country. */
    static String country(String country) {
        return country == null ? "any" : country;
    }

    /** One line: {@code #17 1234BCD (ES) STOLEN_VEHICLE, priority 90, source console, ...}. */
    static String entry(HotlistEntry entry) {
        StringBuilder line = new StringBuilder()
                .append('#').append(entry.id()).append(' ').append(entry.plate())
                .append(" (").append(country(entry.country())).append(") ").append(entry.category())
                .append(", priority ").append(entry.priority())
                .append(", source ").append(entry.source());
        if (entry.reference() != null) {
            line.append(", reference ").append(entry.reference());
        }
        if (entry.validUntil() != null) {
            line.append(", until ").append(instant(entry.validUntil()));
        }
        return line.toString();
    }

    /** Every field of an entry, one per line, as {@code hotlist-add} shows the stored entry. */
    static List<String> entryDetails(HotlistEntry entry) {
        return List.of(
                field("Id", Long.toString(entry.id())),
                field("Plate", entry.plate()),
                field("Country", country(entry.country())),
                field("Category", entry.category().name()),
                field("Priority", Integer.toString(entry.priority())),
                field("Source", entry.source()),
                field("Reason", orNone(entry.reason())),
                field("Reference", orNone(entry.reference())),
                field("Valid from", instant(entry.validFrom())),
                field("Valid until", entry.validUntil() == null ? "no end" : instant(entry.validUntil())));
    }

    /** The cells of an entry's row in {@code hotlist-list}, in the order of {@link #ENTRY_COLUMNS}. */
    static List<String> entryRow(HotlistEntry entry) {
        return Arrays.asList(Long.toString(entry.id()), entry.plate(), country(entry.country()),
                entry.category().name(), Integer.toString(entry.priority()), entry.source(),
                orNone(entry.reference()), instant(entry.validFrom()), instant(entry.validUntil()));
    }

    /** {@code position 5: read 8, listed B}, counting positions from 1 as people do. */
    static String difference(CharacterMatch match) {
        return "position " + (match.position() + 1) + ": read " + match.read() + ", listed " + match.listed();
    }

    /**
     * Why a plate matches the hotlist or does not: the plate as compared, the equivalences in
     * force and, for every entry it hits, how and where the characters differ.
     */
    static List<String> explain(PlateCheck check) {
        List<String> lines = new ArrayList<>();
        if (check.plate() == null) {
            lines.add("'" + check.query() + "' is not a plate: letters and digits only, separators aside");
            return lines;
        }
        lines.add(field("Plate", check.plate().equals(check.query()) ? check.plate()
                : check.plate() + " (as given: " + check.query() + ")"));
        lines.add(field("Country", country(check.country())));
        lines.add(field("Equivalences", check.equivalences() == null || check.equivalences().isBlank() ? "none"
                : check.equivalences()));
        lines.add(field("Max equivalent", check.maxEquivalent() + (check.maxEquivalent() == 1 ? " character"
                : " characters") + " may differ"));
        if (check.hits().isEmpty()) {
            lines.add(field("Hits", "no match"));
            return lines;
        }
        lines.add(field("Hits", Integer.toString(check.hits().size())));
        for (PlateCheck.Hit hit : check.hits()) {
            lines.add("  " + entry(hit.entry()));
            if (hit.differences().isEmpty()) {
                lines.add("    " + hit.kind());
            } else {
                for (CharacterMatch difference : hit.differences()) {
                    lines.add("    " + hit.kind() + "  " + difference(difference));
                }
            }
        }
        return lines;
    }

    /**
     * What an import did: the counts, then the first {@code maxRejected} rejected rows.
     *
     * @param file    the file as the operator named it
     * @param elapsed how long the import took
     */
    static List<String> importSummary(HotlistImport result, String file, Duration elapsed, int maxRejected) {
        long rows = result.added() + result.replaced() + result.rejected().size();
        List<String> lines = new ArrayList<>();
        lines.add("Imported " + count(rows) + (rows == 1 ? " row" : " rows") + " from " + file + " in "
                + seconds(elapsed) + ": " + count(result.added()) + " added, " + count(result.replaced())
                + " replaced, " + count(result.rejected().size()) + " rejected");
        if (!result.rejected().isEmpty()) {
            int shown = Math.min(maxRejected, result.rejected().size());
            lines.add(shown == result.rejected().size() ? "Rejected:"
                    : "First " + shown + " of " + count(result.rejected().size()) + " rejected:");
            for (String rejected : result.rejected().subList(0, shown)) {
                lines.add("  " + rejected);
            }
        }
        return lines;
    }

    /** {@code 41.8 s}. */
    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    private static String field(String name, String value) {
        return String.format(Locale.ROOT, "%-15s %s", name, value);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
