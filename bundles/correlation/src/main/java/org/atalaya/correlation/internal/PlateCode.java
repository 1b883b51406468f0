package org.atalaya.correlation.internal;

/**
 * A normalised plate of 1 to 11 letters and digits as one {@code long}: each character is a
 * base-37 digit from 1 ('0') to 36 ('Z'), most significant first, so the length is implied
 * and no code is 0. 37^11 is below 2^63. Ten million plates then take 80 MB, not the 600 MB
 * that as many strings would.
 */
public final class PlateCode {

    public static final int MAX_LENGTH = 11;
    static final int RADIX = 37;

    private PlateCode() {
    }

    /** The digit of a normalised character: '0'-'9' are 1-10, 'A'-'Z' are 11-36; else 0. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 11;
        }
        return 0;
    }

    static char character(int digit) {
        return digit <= 10 ? (char) ('0' + digit - 1) : (char) ('A' + digit - 11);
    }

    /** The code of a normalised plate; 0 when it is empty, too long or not normalised. */
    public static long of(CharSequence plate) {
        int length = plate.length();
        if (length == 0 || length > MAX_LENGTH) {
            return 0;
        }
        long code = 0;
        for (int i = 0; i < length; i++) {
            int digit = digit(plate.charAt(i));
            if (digit == 0) {
                return 0;
            }
            code = code * RADIX + digit;
        }
        return code;
    }

    public static String toString(long code) {
        char[] chars = new char[MAX_LENGTH];
        int start = MAX_LENGTH;
        for (long rest = code; rest != 0; rest /= RADIX) {
            chars[--start] = character((int) (rest % RADIX));
        }
        return new String(chars, start, MAX_LENGTH - start);
    }

    static int length(long code) {
        int length = 0;
        for (long rest = code; rest != 0; rest /= RADIX) {
            length++;
        }
        return length;
    }
}
