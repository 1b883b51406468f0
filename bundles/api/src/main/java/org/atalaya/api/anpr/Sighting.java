package org.atalaya.api.anpr;

import java.time.Instant;

import org.atalaya.api.geo.GeoPoint;

/**
 * Where and when a plate was read.
 *
 * @param readId     the read
 * @param cameraId   the camera
 * @param position   where the camera stands
 * @param capturedAt when
 */
public record Sighting(String readId, String cameraId, GeoPoint position, Instant capturedAt) {
}
