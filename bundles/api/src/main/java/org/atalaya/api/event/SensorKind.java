package org.atalaya.api.event;

/**
 * The families of city sensors on the fibre ring.
 */
public enum SensorKind {
    TRAFFIC,
    ENERGY,
    ENVIRONMENT,
    WEATHER
}
