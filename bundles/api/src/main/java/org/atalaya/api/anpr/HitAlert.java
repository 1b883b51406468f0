package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A read plate that matched a listed one: what the police control centres act on.
 *
 * @param id          the alert's id
 * @param read        the read
 * @param entry       the list entry it matched
 * @param matchKind   exact, or through OCR-equivalent characters
 * @param differences where the read and the listed plate differ (empty when exact)
 * @param priority    0 to 100
 * @param raisedAt    when the hub raised it
 * @param pastRead    whether the read is a stored one that matched an entry listed after it
 * @see HitDetails the vehicle's registration details, which follow a live hit when a registry
 *      connector is installed
 */
public record HitAlert(String id, PlateRead read, HotlistEntry entry, MatchKind matchKind,
        List<CharacterMatch> differences, int priority, Instant raisedAt, boolean pastRead) {

    public HitAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(matchKind, "matchKind");
        Objects.requireNonNull(raisedAt, "raisedAt");
        differences = List.copyOf(differences);
    }
}
