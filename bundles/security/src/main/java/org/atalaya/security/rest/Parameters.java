package org.atalaya.security.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Request values every endpoint reads the same way, refused with a problem that says how to write them. */
public final class Parameters {

    private Parameters() {
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-21T10:00:00Z}), or {@code null} when none is given.
     *
     * @param name what the value is called in the request, for the problem's detail
     * @throws Problem 400 when it is not an instant
     */
    public static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException bad) {
            throw Problem.badRequest(name + " '" + text + "' is not an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
    }
}
