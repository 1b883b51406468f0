package org.atalaya.routes.citysensors.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atalaya.api.event.SensorKind;

/**
 * The quantities city sensors may report, each with the one unit the hub accepts and the range
 * a working sensor can physically produce: a value outside it is a broken or spoofed sensor,
 * not weather.
 */
enum Quantity {
    VEHICLE_FLOW(SensorKind.TRAFFIC, "1/h", 0, 20_000),
    OCCUPANCY(SensorKind.TRAFFIC, "%", 0, 100),
    AVERAGE_SPEED(SensorKind.TRAFFIC, "km/h", 0, 250),
    QUEUE_LENGTH(SensorKind.TRAFFIC, "m", 0, 10_000),

    ACTIVE_POWER(SensorKind.ENERGY, "kW", -100_000, 100_000),
    ENERGY(SensorKind.ENERGY, "kWh", 0, 1e12),
    VOLTAGE(SensorKind.ENERGY, "V", 0, 100_000),

    NO2(SensorKind.ENVIRONMENT, "ug/m3", 0, 2_000),
    PM10(SensorKind.ENVIRONMENT, "ug/m3", 0, 2_000),
    PM2_5(SensorKind.ENVIRONMENT, "ug/m3", 0, 2_000),
    O3(SensorKind.ENVIRONMENT, "ug/m3", 0, 1_000),
    NOISE_LEVEL(SensorKind.ENVIRONMENT, "dB(A)", 0, 160),

    AIR_TEMPERATURE(SensorKind.WEATHER, "Cel", -50, 60),
    RELATIVE_HUMIDITY(SensorKind.WEATHER, "%", 0, 100),
    WIND_SPEED(SensorKind.WEATHER, "m/s", 0, 100),
    WIND_DIRECTION(SensorKind.WEATHER, "deg", 0, 360),
    RAINFALL(SensorKind.WEATHER, "mm", 0, 500),
    AIR_PRESSURE(SensorKind.WEATHER, "hPa", 850, 1_100);

    private static final Map<String, Quantity> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Quantity::code, Function.identity()));

    private final SensorKind kind;
    private final String unit;
    private final double min;
    private final double max;

    Quantity(SensorKind kind, String unit, double min, double max) {
        this.kind = kind;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** The code devices use: the name in lower case ({@code air_temperature}, {@code pm2_5}). */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    SensorKind kind() {
        return kind;
    }

    String unit() {
        return unit;
    }

    boolean accepts(double value) {
        return value >= min && value <= max;
    }

    String range() {
        return "[" + format(min) + ", " + format(max) + "] " + unit;
    }

    static Optional<Quantity> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
