package org.atalaya.api.event;

import java.util.Objects;

/**
 * One measured quantity of a sensor reading.
 *
 * @param quantity what was measured, in snake case ({@code air_temperature}, {@code pm10})
 * @param value    the value, in {@code unit}
 * @param unit     the unit as a UCUM-like code ({@code Cel}, {@code ug/m3}, {@code km/h})
 */
public record Measurement(String quantity, double value, String unit) {

    public Measurement {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
    }
}
