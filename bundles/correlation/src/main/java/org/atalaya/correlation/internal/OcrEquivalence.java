package org.atalaya.correlation.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Characters that plate recognition confuses, as classes ("0ODQ,1IL,2Z,5S,8B,6G"): within a
 * class a read character may stand for a listed one. Each character maps to its class's first
 * character, its canonical form; two plates of the same length are OCR-equivalent exactly when
 * their canonical forms are equal, so one hash lookup finds every candidate.
 */
public final class OcrEquivalence {

    /** The classes the hub uses unless configured otherwise. */
    public static final String DEFAULT_CLASSES = "0ODQ,1IL,2Z,5S,8B,6G";

    private final int[] canonicalDigit = new int[PlateCode.RADIX];
    private final String classes;

    public OcrEquivalence(String classes) {
        this.classes = classes;
        for (int digit = 0; digit < canonicalDigit.length; digit++) {
            canonicalDigit[digit] = digit;
        }
        boolean[] seen = new boolean[PlateCode.RADIX];
        for (String group : classes.toUpperCase(Locale.ROOT).split(",")) {
            String members = group.strip();
            if (members.isEmpty()) {
                continue;
            }
            if (members.length() < 2) {
                throw new IllegalArgumentException("class '" + members + "' needs at least two characters");
            }
            int first = PlateCode.digit(members.charAt(0));
            for (char c : members.toCharArray()) {
                int digit = PlateCode.digit(c);
                if (digit == 0) {
                    throw new IllegalArgumentException("'" + c + "' is not a plate character");
                }
                if (seen[digit]) {
                    throw new IllegalArgumentException("'" + c + "' is in more than one class");
                }
                seen[digit] = true;
                canonicalDigit[digit] = first;
            }
        }
    }

    public static OcrEquivalence defaults() {
        return new OcrEquivalence(DEFAULT_CLASSES);
    }

    /** The canonical code of a plate code: every character replaced by its class's first. */
    public long canonical(long code) {
        long canonical = 0;
        long scale = 1;
        for (long rest = code; rest != 0; rest /= PlateCode.RADIX) {
            canonical += canonicalDigit[(int) (rest % PlateCode.RADIX)] * scale;
            scale *= PlateCode.RADIX;
        }
        return canonical;
    }

    boolean equivalent(char read, char listed) {
        return canonicalDigit[PlateCode.digit(read)] == canonicalDigit[PlateCode.digit(listed)];
    }

    @Override
    public String toString() {
        return classes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcrEquivalence that && Arrays.equals(canonicalDigit, that.canonicalDigit);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalDigit);
    }
}
