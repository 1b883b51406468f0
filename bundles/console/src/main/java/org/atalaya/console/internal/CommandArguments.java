package org.atalaya.console.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.atalaya.api.alert.Agencies;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.HotlistCategory;

/**
 * Reads the values operators type at the console into what the services take. Every method
 * refuses a value it cannot read with an {@link IllegalArgumentException} whose message says
 * what was expected; the commands show that message and nothing else.
 */
final class CommandArguments {

    /** What the hub's plate normal form drops, besides white space. */
    private static final String PLATE_SEPARATORS = "-.|/\u00B7_";

    private CommandArguments() {
    }

    /**
     * The end of a listing: an instant ({@code 2026-01-31T23:00:00Z}), a date-time with an offset
     * ({@code 2026-01-31T23:00+01:00}) or a date ({@code 2026-01-31}). A date keeps the entry
     * listed to the end of that day in {@code zone}, since the end is exclusive.
     *
     * @return the instant, or {@code null} for no end when the text is null or blank
     */
    static Instant validUntil(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeException notAnInstant) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notAnOffsetDateTime) {
            // try a date
        }
        try {
            return LocalDate.parse(value).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notADate) {
            throw new IllegalArgumentException("--valid-until takes an instant (2026-01-31T23:00:00Z) or a date"
                    + " (2026-01-31), not '" + value + "'");
        }
    }

    /** A hotlist category by name, in any case, with '-' or '_' between words. */
    static HotlistCategory category(String text) {
        return constant(HotlistCategory.class, "category", text);
    }

    /** An alert kind by name, in any case; {@code null} for none. */
    static AlertKind alertKind(String text) {
        return text == null || text.isBlank() ? null : constant(AlertKind.class, "alert kind", text);
    }

    /** An ISO 3166-1 alpha-2 country in upper case; {@code null} for none (any country). */
    static String country(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 2 || !isLatinLetter(code.charAt(0)) || !isLatinLetter(code.charAt(1))) {
            throw new IllegalArgumentException("--country takes an ISO 3166-1 alpha-2 code such as ES or MA, not '"
                    + text.strip() + "'");
        }
        return code;
    }

    /** A priority, 0 (lowest) to 100 (highest). */
    static int priority(int priority) {
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("--priority goes from 0 to 100, not " + priority);
        }
        return priority;
    }

    /** How many rows to show: at least one. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        return limit;
    }

    /** A hotlist entry id as the tables print it. */
    static long entryId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as for a number that is not an id
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a hotlist entry id");
    }

    /** One of the police agencies every ANPR alert goes to. */
    static String policeAgency(String text) {
        String agency = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!Agencies.POLICE.contains(agency)) {
            throw new IllegalArgumentException("unknown agency '" + (text == null ? "" : text.strip())
                    + "'; one of " + String.join(", ", Agencies.POLICE));
        }
        return agency;
    }

    /**
     * A plate to filter stored alerts by, in the form they are stored: upper case, without
     * spaces or separators; {@code null} for none.
     */
    static String storedPlate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder plate = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (!Character.isWhitespace(c) && PLATE_SEPARATORS.indexOf(c) < 0) {
                plate.append(Character.toUpperCase(c));
            }
        }
        if (plate.length() == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a plate");
        }
        return plate.toString();
    }

    private static boolean isLatinLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String what, String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + (text == null ? "" : text.strip())
                + "'; one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")));
    }
}
