package org.atalaya.simulators.anpr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Misreads a plate the way plate recognition does: one character taken for another of its
 * class ("0ODQ,1IL,2Z,5S,8B,6G", the hub's default classes), so a listed 8 comes out as B. Like
 * the hub's fuzzy matching, only plates of five or more characters are misread, so every
 * misread plate is still one the hub should match.
 */
final class OcrConfusion {

    static final String DEFAULT_CLASSES = "0ODQ,1IL,2Z,5S,8B,6G";
    static final int MIN_LENGTH = 5;

    private final Map<Character, String> classOf = new HashMap<>();

    OcrConfusion(String classes) {
        for (String group : classes.toUpperCase(Locale.ROOT).split(",")) {
            String members = group.strip();
            for (char c : members.toCharArray()) {
                if (members.length() < 2 || classOf.put(c, members) != null) {
                    throw new IllegalArgumentException("not OCR classes: " + classes);
                }
            }
        }
    }

    static OcrConfusion defaults() {
        return new OcrConfusion(DEFAULT_CLASSES);
    }

    /**
     * The plate with one character, chosen at random among those that have look-alikes, replaced
     * by another of its class; empty when the plate is shorter than {@link #MIN_LENGTH} letters
     * and digits or has no such character.
     */
    Optional<String> confuse(String asRead, RandomGenerator random) {
        List<Integer> candidates = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < asRead.length(); i++) {
            char c = asRead.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                length++;
                if (classOf.containsKey(Character.toUpperCase(c))) {
                    candidates.add(i);
                }
            }
        }
        if (length < MIN_LENGTH || candidates.isEmpty()) {
            return Optional.empty();
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        char original = Character.toUpperCase(asRead.charAt(at));
        String members = classOf.get(original);
        char replacement;
        do {
            replacement = members.charAt(random.nextInt(members.length()));
        } while (replacement == original);
        char[] misread = asRead.toCharArray();
        misread[at] = replacement;
        return Optional.of(new String(misread));
    }

    /** A normalised plate with every character replaced by the first of its class. */
    String canonical(String normalised) {
        char[] canonical = normalised.toCharArray();
        for (int i = 0; i < canonical.length; i++) {
            String members = classOf.get(canonical[i]);
            if (members != null) {
                canonical[i] = members.charAt(0);
            }
        }
        return new String(canonical);
    }
}
