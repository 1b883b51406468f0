package org.atalaya.console.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.atalaya.api.security.DataClass;

/**
 * Reads the values the audit commands take; a value that cannot be read is an
 * {@link IllegalArgumentException} saying what was expected.
 */
final class AuditArguments {

    private AuditArguments() {
    }

    /**
     * The start of a search: an instant ({@code 2026-11-21T09:00:00Z}), a date-time with an
     * offset, or a date, from its first moment in {@code zone}; {@code null} when blank.
     */
    static Instant since(String text, ZoneId zone) {
        LocalDate date = date(text);
        return date != null ? date.atStartOfDay(zone).toInstant() : instant(text, "--since");
    }

    /**
     * The end of a search, exclusive: as {@link #since}, but a date takes in the whole day, up to
     * the first moment of the next one.
     */
    static Instant until(String text, ZoneId zone) {
        LocalDate date = date(text);
        return date != null ? date.plusDays(1).atStartOfDay(zone).toInstant() : instant(text, "--until");
    }

    /** A data class by id ({@code plate-reads}) or name ({@code PLATE_READS}); {@code null} when blank. */
    static String dataClass(String text) {
        return text == null || text.isBlank() ? null : DataClass.of(text).id();
    }

    /** A text criterion: {@code null} when blank, else without surrounding spaces. */
    static String criterion(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The record number to continue after: 0 or more. */
    static long after(long after) {
        if (after < 0) {
            throw new IllegalArgumentException("--after takes a record number, 0 or more, not " + after);
        }
        return after;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static Instant instant(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeException notAnInstant) {
            // an offset date-time, perhaps
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notAnOffsetDateTime) {
            throw new IllegalArgumentException(option + " takes an instant (2026-11-21T09:00:00Z), a date-time with"
                    + " its offset (2026-11-21T10:00+01:00) or a date (2026-11-21), not '" + value + "'");
        }
    }
}
