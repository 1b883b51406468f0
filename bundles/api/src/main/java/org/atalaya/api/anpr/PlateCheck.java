package org.atalaya.api.anpr;

import java.util.List;
import java.util.Objects;

/**
 * How a plate matches the hotlist: the normalised form it is compared as, and each entry it
 * would hit, with the characters that matched through OCR equivalence.
 *
 * @param query         the plate as given
 * @param plate         the plate normalised, or {@code null} when it is not a plate
 * @param country       the country it was checked for, or {@code null} for any
 * @param maxEquivalent how many OCR-equivalent characters may differ for this plate
 * @param equivalences  the equivalence classes in force, e.g. {@code 0ODQ,1IL}
 * @param hits          the entries it matches, highest priority first
 */
public record PlateCheck(String query, String plate, String country, int maxEquivalent, String equivalences,
        List<Hit> hits) {

    public PlateCheck {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
    }

    /** One listed entry a plate matches. */
    public record Hit(HotlistEntry entry, MatchKind kind, List<CharacterMatch> differences) {

        public Hit {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(kind, "kind");
            differences = List.copyOf(differences);
        }
    }
}
