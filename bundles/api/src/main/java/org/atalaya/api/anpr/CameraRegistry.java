package org.atalaya.api.anpr;

import java.util.List;
import java.util.Optional;

/** The ANPR camera sites the hub accepts reads from. */
public interface CameraRegistry {

    Optional<Camera> find(String id);

    /** Every camera, by id. */
    List<Camera> list();

    /** Adds or replaces a camera; returns whether it is new. */
    boolean put(Camera camera);

    /** Removes a camera; its stored reads stay. Returns whether there was one. */
    boolean remove(String id);
}
