package org.atalaya.api.anpr;

/** Which way the vehicle was going, relative to the camera. */
public enum Direction {
    APPROACHING,
    RECEDING,
    UNKNOWN
}
