package org.atalaya.runtime;

import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.atalaya.runtime.internal.CanonicalInstants;

/**
 * The one JSON form of the canonical model (bundles/api records) on the broker and at the REST
 * endpoints: ISO-8601 instants, record components by name; the instants the hub writes itself
 * ({@code 2026-11-21T21:39:18.123Z}) are read without a {@code DateTimeFormatter}. Readers ignore fields they do not
 * know, so a newer hub's events stay readable by an older connector.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // registered after the module above, so it is asked first
            .registerModule(new SimpleModule("atalaya-canonical-instants")
                    .addDeserializer(Instant.class, new CanonicalInstants()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CanonicalJson() {
    }

    /** A shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
