package org.atalaya.correlation.internal;

import java.util.List;

import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.MatchKind;

/**
 * A listed plate a read matched.
 *
 * @param entryId     the matched entry's id
 * @param listedPlate the plate as listed
 * @param kind        exact or OCR-equivalent
 * @param differences the OCR-equivalent characters where read and listed plate differ
 * @param category    the entry's category
 * @param priority    the entry's priority
 */
public record HotlistMatch(long entryId, String listedPlate, MatchKind kind, List<CharacterMatch> differences,
        HotlistCategory category, int priority) {
}
