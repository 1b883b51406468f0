package org.atalaya.api.anpr;

import java.util.Objects;

import org.atalaya.api.geo.GeoPoint;

/**
 * A licence-plate camera site.
 *
 * @param id             the camera's id, as devices name it in their topics
 * @param name           a place name operators recognise ("Frontera del Tarajal, salida")
 * @param position       where it stands
 * @param heading        the direction it looks, degrees clockwise from north
 * @param borderApproach whether it watches a road to a border crossing
 */
public record Camera(String id, String name, GeoPoint position, double heading, boolean borderApproach) {

    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (!(heading >= 0 && heading < 360)) {
            throw new IllegalArgumentException("heading must be in [0, 360): " + heading);
        }
    }
}
