package org.atalaya.simulators.registry.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.atalaya.registry.v1.RegistrationStatus;

/**
 * The national vehicle register as far as the simulator knows it: every plate of a Spanish format
 * is a vehicle whose make, model, colour and status follow from the seed and the plate. Foreign
 * vehicles are known only from their alerts.
 */
final class VehicleRegister {

    /** What the register says of a vehicle. */
    record Vehicle(RegistrationStatus status, String make, String model, String colour) {
    }

    private static final Pattern NATIONAL = Pattern.compile("\\d{4}[" + GeneratedHotlist.SPANISH_LETTERS + "]{3}");
    /** The provincial plates before 2000, Ceuta's "CE1234AB" among them. */
    private static final Pattern PROVINCIAL = Pattern.compile("[A-Z]{1,2}\\d{4}[A-Z]{0,2}");

    private static final String[][] MODELS = {
        {"SEAT", "Ibiza"}, {"SEAT", "Leon"}, {"Renault", "Clio"}, {"Volkswagen", "Golf"}, {"Peugeot", "208"},
        {"Dacia", "Sandero"}, {"Toyota", "Corolla"}, {"Citroen", "C4"}, {"Kia", "Sportage"}, {"Hyundai", "Tucson"},
        {"Ford", "Focus"}, {"Opel", "Corsa"}, {"Nissan", "Qashqai"}, {"Fiat", "500"}, {"BMW", "Serie 3"},
        {"Mercedes-Benz", "Clase A"}, {"Audi", "A3"}, {"Skoda", "Octavia"}, {"Yamaha", "NMAX 125"},
        {"Honda", "PCX 125"},
    };
    private static final String[] COLOURS = {
        "white", "grey", "black", "silver", "blue", "red", "green", "beige", "brown", "yellow"};

    private final long seed;

    VehicleRegister(long seed) {
        this.seed = seed;
    }

    /**
     * The vehicle with this plate: any Spanish plate of the national or old provincial format,
     * any listed Spanish plate, and a listed foreign one; empty for any other.
     */
    Optional<Vehicle> vehicle(String plate, String country, boolean listed) {
        boolean national = "ES".equals(country)
                && (listed || NATIONAL.matcher(plate).matches() || PROVINCIAL.matcher(plate).matches());
        if (!national && !listed) {
            return Optional.empty();
        }
        long hash = SeededHash.of(seed, country + plate);
        String[] model = MODELS[(int) Long.remainderUnsigned(hash, MODELS.length)];
        String colour = COLOURS[(int) Long.remainderUnsigned(hash >>> 16, COLOURS.length)];
        RegistrationStatus status = RegistrationStatus.FOREIGN;
        if (national) {
            int draw = (int) Long.remainderUnsigned(hash >>> 32, 100);
            status = draw < 92 ? RegistrationStatus.REGISTERED
                    : draw < 97 ? RegistrationStatus.TEMPORARILY_DEREGISTERED : RegistrationStatus.DEREGISTERED;
        }
        return Optional.of(new Vehicle(status, model[0], model[1], colour));
    }
}
