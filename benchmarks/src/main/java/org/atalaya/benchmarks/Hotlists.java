package org.atalaya.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.correlation.internal.HotlistIndex;
import org.atalaya.correlation.internal.OcrEquivalence;

/**
 * Deterministic hotlists and plate reads in the formats seen at Ceuta: current Spanish
 * (1234 BCD), old Spanish provincial (CE 1234 AB), French (AB-123-CD) and Moroccan
 * (12345 | B | 6). The same seed gives the same plates on every machine.
 */
final class Hotlists {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant LISTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SPANISH_LETTERS = "BCDFGHJKLMNPRSTVWXYZ";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String MOROCCAN_LETTERS = "ABDHWTJ";
    private static final HotlistCategory[] CATEGORIES = HotlistCategory.values();
    private static final int BATCH = 100_000;

    private Hotlists() {
    }

    static String plate(SplittableRandom random) {
        int format = random.nextInt(10);
        StringBuilder plate = new StringBuilder(11);
        if (format < 6) {
            digits(random, plate, 4);
            letters(random, plate, SPANISH_LETTERS, 3);
        } else if (format < 7) {
            plate.append(random.nextBoolean() ? "CE" : "MA");
            digits(random, plate, 4);
            letters(random, plate, LETTERS, 2);
        } else if (format < 8) {
            letters(random, plate, LETTERS, 2);
            digits(random, plate, 3);
            letters(random, plate, LETTERS, 2);
        } else {
            digits(random, plate, 5);
            letters(random, plate, MOROCCAN_LETTERS, 1);
            digits(random, plate, 1);
        }
        return plate.toString();
    }

    /** An index of {@code size} entries, applied in snapshot pages as a sync would. */
    static HotlistIndex index(int size, long seed) {
        HotlistIndex index = new HotlistIndex(OcrEquivalence.defaults(), size);
        SplittableRandom random = new SplittableRandom(seed);
        List<HotlistEntry> page = new ArrayList<>(BATCH);
        for (int id = 0; id < size; id++) {
            page.add(new HotlistEntry(id, plate(random), null, CATEGORIES[random.nextInt(CATEGORIES.length)],
                    random.nextInt(101), "interior-ministry", "robo", null, LISTED, null));
            if (page.size() == BATCH) {
                index.apply(List.of(), page);
                page.clear();
            }
        }
        index.apply(List.of(), page);
        return index;
    }

    /** Plates listed in the index built with the same seed: the first {@code count} of them. */
    static String[] listedPlates(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] plates = new String[count];
        for (int i = 0; i < count; i++) {
            plates[i] = plate(random);
            // the index's generator draws a category and a priority after each plate
            random.nextInt(CATEGORIES.length);
            random.nextInt(101);
        }
        return plates;
    }

    /** The plate with one character replaced by an OCR-equivalent one, where it has one. */
    static String confused(String plate) {
        String pairs = "0O1I2Z5S8B6GDOBQ";
        char[] chars = plate.toCharArray();
        for (int i = chars.length - 1; i >= 0; i--) {
            int at = pairs.indexOf(chars[i]);
            if (at >= 0) {
                chars[i] = pairs.charAt(at % 2 == 0 ? at + 1 : at - 1);
                return new String(chars);
            }
        }
        return plate;
    }

    private static void digits(SplittableRandom random, StringBuilder plate, int count) {
        for (int i = 0; i < count; i++) {
            plate.append((char) ('0' + random.nextInt(10)));
        }
    }

    private static void letters(SplittableRandom random, StringBuilder plate, String alphabet, int count) {
        for (int i = 0; i < count; i++) {
            plate.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }
}
