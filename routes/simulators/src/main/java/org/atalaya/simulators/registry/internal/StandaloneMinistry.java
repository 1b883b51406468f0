package org.atalaya.simulators.registry.internal;

import java.lang.annotation.Annotation;

import org.atalaya.simulators.registry.RegistrySimulator;

/**
 * The simulator started outside an OSGi container, for the connector's tests and the sync
 * benchmark: on a free loopback port, with no change feed and no faults until it is told.
 */
public final class StandaloneMinistry extends InteriorMinistrySimulator implements RegistrySimulator.Standalone {

    private StandaloneMinistry() {
    }

    /** Starts it; see {@link RegistrySimulator#start(int, long, String, String)}. */
    public static StandaloneMinistry start(int entries, long seed, String user, String password) throws Exception {
        StandaloneMinistry ministry = new StandaloneMinistry();
        ministry.activate(new Settings(entries, seed, user, password));
        return ministry;
    }

    @Override
    public void close() {
        deactivate();
    }

    private record Settings(int entries, long seed, String user, String password)
            implements InteriorMinistrySimulatorConfiguration {

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public double changesPerMinute() {
            return 0;
        }

        @Override
        public int retainedChanges() {
            return 10_000;
        }

        @Override
        public long latencyMillis() {
            return 0;
        }

        @Override
        public double faultRate() {
            return 0;
        }

        @Override
        public boolean down() {
            return false;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return InteriorMinistrySimulatorConfiguration.class;
        }
    }
}
