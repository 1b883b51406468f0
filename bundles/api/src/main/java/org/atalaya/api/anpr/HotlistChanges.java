package org.atalaya.api.anpr;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in one source's list between two of its versions: the entries it lists anew or
 * lists differently, and the references it no longer lists. {@link HotlistSync#apply} applies a
 * change set whole or not at all, and only onto the version it starts from.
 *
 * <p>The source names its entries by their reference. An upsert of a reference the hub holds
 * replaces that entry and keeps its id; an upsert of a reference the hub does not hold lists it,
 * whether the source calls it an addition or an update: what counts is that the source lists it
 * now, in this form. A removal of a reference the hub does not hold changes nothing.
 *
 * @param source      whose entries these are ("interior-ministry")
 * @param fromVersion the source's version the changes apply onto
 * @param toVersion   the source's version they lead to; greater than {@code fromVersion}
 * @param upserts     entries listed or changed, each of {@code source} and with a reference; their
 *                    ids are ignored
 * @param removals    references no longer listed
 */
public record HotlistChanges(String source, long fromVersion, long toVersion, List<HotlistEntry> upserts,
        List<String> removals) {

    public HotlistChanges {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        if (toVersion <= fromVersion) {
            throw new IllegalArgumentException("toVersion " + toVersion + " must be after fromVersion " + fromVersion);
        }
        upserts = List.copyOf(upserts);
        removals = List.copyOf(removals);
        Set<String> references = new HashSet<>();
        for (HotlistEntry entry : upserts) {
            if (!entry.source().equals(source)) {
                throw new IllegalArgumentException("entry " + entry.reference() + " is of source " + entry.source()
                        + ", not " + source);
            }
            if (entry.reference() == null || entry.reference().isBlank()) {
                throw new IllegalArgumentException("an entry of " + source + " without a reference");
            }
            if (!references.add(entry.reference())) {
                throw new IllegalArgumentException("reference " + entry.reference() + " is upserted twice");
            }
        }
        for (String reference : removals) {
            if (!references.add(reference)) {
                throw new IllegalArgumentException("reference " + reference + " is both upserted and removed,"
                        + " or removed twice");
            }
        }
    }
}
