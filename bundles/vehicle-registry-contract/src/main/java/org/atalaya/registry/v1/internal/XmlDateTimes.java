package org.atalaya.registry.v1.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * {@code xs:dateTime} as {@link Instant}, for the generated JAXB types. Written in UTC with a
 * {@code Z}; read with any offset, and as UTC when it has none (the contract's times are UTC).
 */
public final class XmlDateTimes {

    private XmlDateTimes() {
    }

    public static Instant parse(String lexical) {
        if (lexical == null) {
            return null;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(lexical.strip());
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    public static String print(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
