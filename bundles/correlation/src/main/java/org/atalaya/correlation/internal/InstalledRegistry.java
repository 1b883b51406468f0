package org.atalaya.correlation.internal;

import java.util.function.Supplier;

import org.atalaya.api.anpr.VehicleLookup;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The vehicle registry connector installed at the moment of a lookup, asked of the framework
 * each time. Not a component reference: the registry connector needs the correlation's hotlist
 * services, so the two activate in a cycle, and a reference bound while the connector was still
 * activating stays empty (SCR logs "Could not get service from ref" and does not bind it again),
 * which left every hit of the hub's first start without its details. A service the framework
 * cannot give yet is asked for again at the next lookup.
 */
final class InstalledRegistry implements Supplier<VehicleLookup>, AutoCloseable {

    private final BundleContext bundle;
    private ServiceReference<VehicleLookup> reference;
    private VehicleLookup service;

    InstalledRegistry(BundleContext bundle) {
        this.bundle = bundle;
    }

    /** The registry connector, or {@code null} when none is installed or it is not ready. */
    @Override
    public synchronized VehicleLookup get() {
        ServiceReference<VehicleLookup> now = bundle.getServiceReference(VehicleLookup.class);
        if (now == null || !now.equals(reference)) {
            close();
            if (now != null && (service = bundle.getService(now)) != null) {
                reference = now;
            }
        }
        return service;
    }

    @Override
    public synchronized void close() {
        if (reference != null) {
            try {
                bundle.ungetService(reference);
            } catch (IllegalStateException stopping) {
                // the bundle is stopping: the framework releases it
            }
        }
        reference = null;
        service = null;
    }
}
