package org.atalaya.itests.echo;

import org.atalaya.runtime.Connector;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the echo connector; the test bundle has no DS descriptor, so it does it by hand. */
public class EchoActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(Connector.class, new EchoConnector(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
