package org.atalaya.api.face;

import java.time.Instant;

/**
 * A person's confirmation that a delivered match is right, having looked at the frame.
 *
 * @param person who
 * @param agency for which agency
 * @param at     when
 */
public record Confirmation(String person, String agency, Instant at) {
}
