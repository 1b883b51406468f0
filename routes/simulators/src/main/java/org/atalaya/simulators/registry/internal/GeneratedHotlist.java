package org.atalaya.simulators.registry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;

/**
 * The ministry's hotlist as the seed makes it: entry {@code i} is computed from the seed and
 * {@code i} whenever it is asked for, so a list of a million entries takes no memory, and the same
 * seed always gives the same list. Nine entries in ten are Spanish plates in the national format
 * ({@code 1234BCD}); the tenth are foreign, two Moroccan ({@code 12345A6}) for one French
 * ({@code AB123CD}). Plates are a seeded shuffle of each format's plates, so no two entries share
 * one and an entry is found from its plate by reversing the shuffle.
 */
final class GeneratedHotlist {

    /** The most entries a seed makes at start. */
    static final int MAX_ENTRIES = 10_000_000;
    /** Entries from here on cannot be generated: the Spanish plates would run out. */
    static final int MAX_INDEX = 80_000_000;

    static final String SPANISH_LETTERS = "BCDFGHJKLMNPRSTVWXYZ";
    static final String MOROCCAN_LETTERS = "ABDHWT";
    /** The letters of French SIV plates: no I, O or U. */
    static final String FRENCH_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";

    private static final Pattern SPANISH = Pattern.compile("(\\d{4})([" + SPANISH_LETTERS + "]{3})");
    private static final Pattern MOROCCAN = Pattern.compile("([1-9]\\d{0,4})([" + MOROCCAN_LETTERS + "])([1-9]\\d?)");
    private static final Pattern FRENCH =
            Pattern.compile("([" + FRENCH_LETTERS + "]{2})(\\d{3})([" + FRENCH_LETTERS + "]{2})");
    private static final Pattern REFERENCE = Pattern.compile("HL-(\\d{8,10})");

    private static final int MOROCCAN_REGIONS = 89;
    private static final int MOROCCAN_SERIALS = 99_999;
    private static final int FRENCH_NUMBERS = 999;

    /** Entries are listed from some time in the five years after this. */
    private static final Instant LISTED_SINCE = Instant.parse("2020-01-01T00:00:00Z");
    private static final long LISTING_SPREAD_SECONDS = Duration.ofDays(5 * 365).toSeconds();
    private static final Duration TIME_LIMITED = Duration.ofDays(3650);

    private static final String[][] REASONS = {
        {"Vehicle reported stolen", "Vehicle stolen in a burglary", "Vehicle taken by force"},
        {"Plates reported stolen", "Plate of a scrapped vehicle", "Plate reported lost"},
        {"Driver wanted on a court order", "Vehicle of a person wanted on a European arrest warrant",
            "Vehicle of a person wanted for questioning"},
        {"Same plate seen on two vehicles", "Plate seen far apart in too short a time",
            "Plate does not match the registered model"},
        {"No insurance on record", "Vehicle subject to a judicial seizure", "Unpaid fines seizure order"},
    };

    private final long seed;
    private final Permutation spanish;
    private final Permutation moroccan;
    private final Permutation french;

    GeneratedHotlist(long seed) {
        this.seed = seed;
        this.spanish = new Permutation(10_000L * cube(SPANISH_LETTERS.length()), seed ^ 0x45530000L);
        this.moroccan = new Permutation((long) MOROCCAN_SERIALS * MOROCCAN_LETTERS.length() * MOROCCAN_REGIONS,
                seed ^ 0x4d410000L);
        this.french = new Permutation(square(FRENCH_LETTERS.length()) * FRENCH_NUMBERS
                * square(FRENCH_LETTERS.length()), seed ^ 0x46520000L);
    }

    /** The ministry's reference of entry {@code index}: {@code HL-00000042}. */
    static String reference(int index) {
        return "HL-" + padded(index, 8);
    }

    /** The index of a reference this list gave, if it is one. */
    static OptionalInt index(String reference) {
        Matcher matcher = reference == null ? null : REFERENCE.matcher(reference);
        if (matcher == null || !matcher.matches()) {
            return OptionalInt.empty();
        }
        long index = Long.parseLong(matcher.group(1));
        return index <= Integer.MAX_VALUE ? OptionalInt.of((int) index) : OptionalInt.empty();
    }

    /** Entry {@code index}. */
    Listing listing(int index) {
        if (index < 0 || index >= MAX_INDEX) {
            throw new IllegalArgumentException("no entry " + index);
        }
        long hash = SeededHash.of(seed, index);
        String[] plate = plate(index);
        AlertCategory category = category(hash);
        int priority = priority(category, hash >>> 16);
        String reason = REASONS[category.ordinal()][(int) Long.remainderUnsigned(hash >>> 24, 3)];
        Instant validFrom = LISTED_SINCE.plusSeconds(Long.remainderUnsigned(hash >>> 28, LISTING_SPREAD_SECONDS));
        Instant validUntil = ((hash >>> 60) & 3) == 0 ? validFrom.plus(TIME_LIMITED) : null;
        String sisAlertId = null;
        // Schengen states' alerts only: Morocco's come through Interpol
        if (category != AlertCategory.OTHER && !"MA".equals(plate[1]) && ((hash >>> 59) & 1) == 0) {
            long alert = Long.remainderUnsigned(SeededHash.mix(hash), 10_000_000_000L);
            sisAlertId = "SIS-" + plate[1] + "-" + padded(alert, 10);
        }
        return new Listing(reference(index), plate[0], plate[1], category, priority, reason, validFrom, validUntil,
                sisAlertId);
    }

    /** The entry whose plate this is, if the seed gave it to one below {@code below}. */
    OptionalInt index(String plate, String country, int below) {
        long index = -1;
        switch (country) {
            case "ES" -> {
                Matcher m = SPANISH.matcher(plate);
                if (m.matches()) {
                    long code = Long.parseLong(m.group(1)) + 10_000L * letters(m.group(2), SPANISH_LETTERS);
                    long ordinal = spanish.invert(code);
                    index = ordinal / 9 * 10 + ordinal % 9;
                }
            }
            case "MA" -> {
                Matcher m = MOROCCAN.matcher(plate);
                if (m.matches() && Integer.parseInt(m.group(3)) <= MOROCCAN_REGIONS) {
                    long code = Long.parseLong(m.group(1)) - 1 + (long) MOROCCAN_SERIALS
                            * (MOROCCAN_LETTERS.indexOf(m.group(2)) + (long) MOROCCAN_LETTERS.length()
                                    * (Integer.parseInt(m.group(3)) - 1));
                    long ordinal = moroccan.invert(code);
                    index = foreignIndex(ordinal / 2 * 3 + ordinal % 2);
                }
            }
            case "FR" -> {
                Matcher m = FRENCH.matcher(plate);
                if (m.matches() && !"000".equals(m.group(2))) {
                    long pairs = square(FRENCH_LETTERS.length());
                    long code = letters(m.group(1), FRENCH_LETTERS)
                            + pairs * (Integer.parseInt(m.group(2)) - 1
                                    + FRENCH_NUMBERS * letters(m.group(3), FRENCH_LETTERS));
                    long ordinal = french.invert(code);
                    index = foreignIndex(ordinal * 3 + 2);
                }
            }
            default -> {
                // no other country's plates are generated
            }
        }
        return index >= 0 && index < below ? OptionalInt.of((int) index) : OptionalInt.empty();
    }

    /** Plate and country of entry {@code index}: nine in ten Spanish, then Moroccan, Moroccan, French. */
    private String[] plate(int index) {
        int position = index % 10;
        if (position < 9) {
            long code = spanish.apply((long) index / 10 * 9 + position);
            return new String[] {
                padded(code % 10_000, 4) + letters(code / 10_000, 3, SPANISH_LETTERS),
                "ES"};
        }
        long foreign = index / 10;
        if (foreign % 3 < 2) {
            long code = moroccan.apply(foreign / 3 * 2 + foreign % 3);
            long serial = code % MOROCCAN_SERIALS + 1;
            long rest = code / MOROCCAN_SERIALS;
            return new String[] {
                "" + serial + MOROCCAN_LETTERS.charAt((int) (rest % MOROCCAN_LETTERS.length()))
                        + (rest / MOROCCAN_LETTERS.length() + 1),
                "MA"};
        }
        long code = french.apply(foreign / 3);
        long pairs = square(FRENCH_LETTERS.length());
        long rest = code / pairs;
        return new String[] {
            letters(code % pairs, 2, FRENCH_LETTERS)
                    + padded(rest % FRENCH_NUMBERS + 1, 3)
                    + letters(rest / FRENCH_NUMBERS, 2, FRENCH_LETTERS),
            "FR"};
    }

    /** {@code value} in decimal, with leading zeros to {@code digits} digits. */
    private static String padded(long value, int digits) {
        String decimal = Long.toString(value);
        return decimal.length() >= digits ? decimal : "0".repeat(digits - decimal.length()) + decimal;
    }

    private static long foreignIndex(long foreign) {
        return foreign * 10 + 9;
    }

    private static AlertCategory category(long hash) {
        int draw = (int) Long.remainderUnsigned(hash, 100);
        if (draw < 50) {
            return AlertCategory.STOLEN_VEHICLE;
        }
        if (draw < 70) {
            return AlertCategory.STOLEN_OR_INVALIDATED_PLATE;
        }
        if (draw < 82) {
            return AlertCategory.WANTED_PERSON_VEHICLE;
        }
        if (draw < 92) {
            return AlertCategory.CLONE_SUSPICION;
        }
        return AlertCategory.OTHER;
    }

    private static int priority(AlertCategory category, long hash) {
        int jitter = (int) Long.remainderUnsigned(hash, 21);
        return switch (category) {
            case WANTED_PERSON_VEHICLE -> 80 + jitter;
            case STOLEN_VEHICLE -> 65 + jitter;
            case STOLEN_OR_INVALIDATED_PLATE -> 50 + jitter;
            case CLONE_SUSPICION -> 45 + jitter;
            case OTHER -> 10 + jitter;
        };
    }

    /** {@code count} letters of {@code alphabet} for {@code value}, least significant first. */
    private static String letters(long value, int count, String alphabet) {
        char[] letters = new char[count];
        long rest = value;
        for (int i = 0; i < count; i++) {
            letters[i] = alphabet.charAt((int) (rest % alphabet.length()));
            rest /= alphabet.length();
        }
        return new String(letters);
    }

    /** The value {@link #letters(long, int, String)} made these letters from. */
    private static long letters(String letters, String alphabet) {
        long value = 0;
        for (int i = letters.length() - 1; i >= 0; i--) {
            value = value * alphabet.length() + alphabet.indexOf(letters.charAt(i));
        }
        return value;
    }

    private static long square(int n) {
        return (long) n * n;
    }

    private static long cube(int n) {
        return (long) n * n * n;
    }
}
