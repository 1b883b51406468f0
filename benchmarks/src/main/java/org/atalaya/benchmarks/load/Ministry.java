package org.atalaya.benchmarks.load;

import java.util.Map;

import org.atalaya.simulators.registry.RegistrySimulator;

/**
 * The simulated Interior Ministry the hub's vehicle-registry connector talks to during a run,
 * in the harness's process, as in a city where the ministry answers: the connector syncs its
 * (small) list and looks up the vehicle of every live hit. Its plates are of the national format,
 * seven characters, so none of them can match a read of the workload's eight.
 */
public final class Ministry implements AutoCloseable {

    private final RegistrySimulator.Standalone simulator;

    private Ministry(RegistrySimulator.Standalone simulator) {
        this.simulator = simulator;
    }

    /** Starts the ministry and points the (not yet started) hub's connector at it. */
    public static Ministry serve(Hub hub) throws Exception {
        String password = hub.password("interior-ministry") + "-ministry";
        Ministry ministry = new Ministry(RegistrySimulator.start(1_000, 6L, "atalaya-ceuta", password));
        hub.edit("etc/org.atalaya.vehicleregistry.cfg", Map.of("address", ministry.simulator.address(),
                "user", "atalaya-ceuta", "password", password, "syncIntervalSeconds", 30));
        return ministry;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
