package org.atalaya.simulators.anpr.internal;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The plates that pass Ceuta's cameras: Spanish plates in the national format, a few old Ceuta
 * provincial plates still on the road, and Moroccan plates, many more of them on the roads to
 * the border crossings.
 */
final class PlateGenerator {

    /** The letters of the national format: consonants only, no Ñ and no Q. */
    static final String SPANISH_LETTERS = "BCDFGHJKLMNPRSTVWXYZ";
    /** The letters of the old provincial suffixes, without Ñ and Q. */
    static final String PROVINCIAL_LETTERS = "ABCDEFGHIJKLMNOPRSTUVWXYZ";
    /** The Arabic letters of Moroccan private-car plates and the Latin letters the hub reads them as. */
    static final String MOROCCAN_LETTERS = "\u0623\u0628\u062F\u0647\u0648\u0637";
    static final String MOROCCAN_LATIN = "ABDHWT";

    private static final double MOROCCAN_AT_BORDER = 0.45;
    private static final double MOROCCAN_IN_TOWN = 0.10;
    private static final double PROVINCIAL_AT_BORDER = 0.05;
    private static final double PROVINCIAL_IN_TOWN = 0.08;

    private final RandomGenerator random;

    PlateGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A plate a camera sees; one watching a border approach sees more Moroccan plates. */
    Plate next(boolean borderApproach) {
        double draw = random.nextDouble();
        double moroccan = borderApproach ? MOROCCAN_AT_BORDER : MOROCCAN_IN_TOWN;
        double provincial = borderApproach ? PROVINCIAL_AT_BORDER : PROVINCIAL_IN_TOWN;
        if (draw < moroccan) {
            return moroccan();
        }
        if (draw < moroccan + provincial) {
            return ceutaProvincial();
        }
        return spanish();
    }

    /** The national format since 2000: four digits and three consonants, "4821 KLB". */
    Plate spanish() {
        String digits = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
        return Plate.latin(digits + " " + letters(SPANISH_LETTERS, 3), "ES");
    }

    /** The old Ceuta provincial format: "CE 1234 AB", or "CE 1234 B" for the first series. */
    Plate ceutaProvincial() {
        int suffix = random.nextInt(4) == 0 ? 1 : 2;
        String digits = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
        return Plate.latin("CE " + digits + " " + letters(PROVINCIAL_LETTERS, suffix), "ES");
    }

    /**
     * A Moroccan plate: a serial of up to five digits, a letter and the region's number. Cameras
     * report the letter in Arabic or already transliterated; both normalise to "12345A6".
     */
    Plate moroccan() {
        int serial = 1 + random.nextInt(99_999);
        int letter = random.nextInt(MOROCCAN_LETTERS.length());
        int region = 1 + random.nextInt(89);
        String normalised = "" + serial + MOROCCAN_LATIN.charAt(letter) + region;
        String asRead = random.nextInt(3) == 0
                ? serial + " " + MOROCCAN_LETTERS.charAt(letter) + " " + region
                : serial + "-" + MOROCCAN_LATIN.charAt(letter) + "-" + region;
        return new Plate(asRead, normalised, "MA");
    }

    private String letters(String alphabet, int count) {
        char[] letters = new char[count];
        for (int i = 0; i < count; i++) {
            letters[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(letters);
    }
}
