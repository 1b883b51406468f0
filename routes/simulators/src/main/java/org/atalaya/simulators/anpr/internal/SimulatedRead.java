package org.atalaya.simulators.anpr.internal;

import java.time.Instant;

import org.atalaya.api.anpr.Direction;

/**
 * One read a simulated camera publishes.
 *
 * @param id         the read's own id (a UUID); only Atalaya JSON carries it, the hub derives
 *                   one for ONVIF events
 * @param cameraId   the camera, as registered in the hub
 * @param capturedAt when
 * @param plate      the characters as read, a misreading included
 * @param country    ISO 3166-1 alpha-2 country of the plate
 * @param confidence the camera's confidence, 0.80 to 0.99
 * @param direction  which way the vehicle was going
 * @param hotlisted  whether it is a plate of the sample hotlist, read exactly or misread
 */
record SimulatedRead(String id, String cameraId, Instant capturedAt, String plate, String country,
        double confidence, Direction direction, boolean hotlisted) {
}
