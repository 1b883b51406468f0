package org.atalaya.routes.vehicleregistry.internal;

import org.atalaya.simulators.registry.RegistrySimulator;

/** The simulated ministry the tests talk to over SOAP, and the hub's client to it. */
final class Ministry {

    static final String USER = "atalaya-hub";
    static final String PASSWORD = "registry-test-Secret-7Qx";

    private Ministry() {
    }

    static RegistrySimulator.Standalone start(int entries) throws Exception {
        return RegistrySimulator.start(entries, 20261121L, USER, PASSWORD);
    }

    static MinistryClient client(RegistrySimulator ministry) throws Exception {
        return client(ministry, USER, PASSWORD);
    }

    static MinistryClient client(RegistrySimulator ministry, String user, String password) throws Exception {
        return MinistryClient.connect(ministry.address().toString(), user, password, null, 2_000, 10_000);
    }
}
