package org.atalaya.itests;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The simulated ministry as VehicleRegistryIT steers it, through the simulator's control service.
 * A class of its own, loaded only once the simulators are installed, so that no other IT needs
 * the simulator's packages.
 */
final class MinistryControl {

    private final RegistrySimulator simulator;

    private MinistryControl(RegistrySimulator simulator) {
        this.simulator = simulator;
    }

    static MinistryControl await(BundleContext context) throws InterruptedException {
        ServiceTracker<RegistrySimulator, RegistrySimulator> tracker =
                new ServiceTracker<>(context, RegistrySimulator.class, null);
        tracker.open();
        RegistrySimulator simulator = tracker.waitForService(AtalayaTestSupport.WAIT.toMillis());
        if (simulator == null) {
            throw new AssertionError("the Interior Ministry simulator did not start");
        }
        return new MinistryControl(simulator);
    }

    long version() {
        return simulator.version();
    }

    long size() {
        return simulator.size();
    }

    /** Lists a stolen vehicle; returns the ministry's reference. */
    String list(String plate, int priority) {
        return simulator.addEntry(plate, "ES", AlertCategory.STOLEN_VEHICLE, priority, "Sustraído (IT)").reference();
    }

    boolean remove(String reference) {
        return simulator.removeEntry(reference);
    }

    void down(boolean down) {
        simulator.setDown(down);
    }

    long noticesFor(String plate) {
        return simulator.hitNoticesFor(plate);
    }
}
