package org.atalaya.correlation.plate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import org.atalaya.correlation.internal.PlateCode;

/**
 * Turns a plate as a camera or an agency wrote it into the hub's normal form: upper-case Latin
 * letters and digits, nothing else. Separators (spaces, '-', '.', '|', '/', '·') go, accents
 * go (Ñ is N), Arabic-Indic digits become digits, and the Arabic letters on Moroccan plates
 * become the Latin letters Morocco itself uses for them abroad. Anything else makes the plate
 * unreadable rather than silently different.
 */
public final class PlateNormaliser {

    /** The Arabic letters of Moroccan plates and their Latin transliteration. */
    private static final Map<Character, Character> ARABIC = Map.ofEntries(
            Map.entry('\u0623', 'A'), Map.entry('\u0627', 'A'), Map.entry('\u0628', 'B'),
            Map.entry('\u062F', 'D'), Map.entry('\u0647', 'H'), Map.entry('\u0648', 'W'),
            Map.entry('\u0637', 'T'), Map.entry('\u062C', 'J'), Map.entry('\u0634', 'S'),
            Map.entry('\u0645', 'M'), Map.entry('\u0643', 'K'), Map.entry('\u0641', 'F'),
            Map.entry('\u064A', 'Y'), Map.entry('\u0649', 'Y'));

    private PlateNormaliser() {
    }

    /** The normal form, or {@code null} when the text holds something that is not a plate. */
    public static String normalise(String asRead) {
        if (asRead == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(asRead, Normalizer.Form.NFKD);
        StringBuilder plate = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || "-.|/\u00B7_".indexOf(c) >= 0) {
                continue;
            }
            if (c >= '\u0660' && c <= '\u0669') {
                plate.append((char) ('0' + (c - '\u0660')));
                continue;
            }
            Character latin = ARABIC.get(c);
            if (latin != null) {
                plate.append(latin.charValue());
                continue;
            }
            char upper = Character.toUpperCase(c);
            if ((upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9')) {
                plate.append(upper);
            } else {
                return null;
            }
        }
        if (plate.length() == 0 || plate.length() > PlateCode.MAX_LENGTH) {
            return null;
        }
        return plate.toString();
    }

    /** An ISO 3166-1 alpha-2 code in upper case, or {@code null} for none or not one. */
    public static String country(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        return code.length() == 2 && Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1))
                && code.charAt(0) <= 'Z' && code.charAt(1) <= 'Z' ? code : null;
    }
}
