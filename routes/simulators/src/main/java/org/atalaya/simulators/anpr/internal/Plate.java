package org.atalaya.simulators.anpr.internal;

import java.util.Objects;

/**
 * A plate as a camera reports it.
 *
 * @param asRead     the characters as the camera reports them, separators and all
 * @param normalised what the hub makes of it: upper-case Latin letters and digits only
 * @param country    ISO 3166-1 alpha-2 country of the plate
 */
record Plate(String asRead, String normalised, String country) {

    Plate {
        Objects.requireNonNull(asRead, "asRead");
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(country, "country");
    }

    /** A plate written in Latin letters and digits, with any separators. */
    static Plate latin(String asRead, String country) {
        StringBuilder normalised = new StringBuilder(asRead.length());
        for (char c : asRead.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                normalised.append(c);
            } else if (c >= 'a' && c <= 'z') {
                normalised.append((char) (c - 'a' + 'A'));
            }
        }
        return new Plate(asRead, normalised.toString(), country);
    }
}
