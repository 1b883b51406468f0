package org.atalaya.api.anpr;

/**
 * One position where a read plate and a listed plate differ by an OCR-equivalent character.
 *
 * @param position zero-based position in the normalised plate
 * @param read     the character the camera read
 * @param listed   the character on the list
 */
public record CharacterMatch(int position, char read, char listed) {
}
