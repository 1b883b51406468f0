package org.atalaya.simulators.registry.internal;

import java.lang.annotation.Annotation;

/** The simulator's configuration as a test writes it: on a free loopback port, without changes or faults. */
record MinistrySettings(String host, int port, int entries, long seed, double changesPerMinute, int retainedChanges,
        String user, String password, long latencyMillis, double faultRate, boolean down)
        implements InteriorMinistrySimulatorConfiguration {

    static final String USER = "atalaya-hub";
    static final String PASSWORD = "ministry-password-for-tests";

    static MinistrySettings of(int entries, long seed) {
        return new MinistrySettings("127.0.0.1", 0, entries, seed, 0, 10_000, USER, PASSWORD, 0, 0, false);
    }

    MinistrySettings retaining(int changes) {
        return new MinistrySettings(host, port, entries, seed, changesPerMinute, changes, user, password,
                latencyMillis, faultRate, down);
    }

    MinistrySettings changing(double perMinute) {
        return new MinistrySettings(host, port, entries, seed, perMinute, retainedChanges, user, password,
                latencyMillis, faultRate, down);
    }

    MinistrySettings failing(double rate) {
        return new MinistrySettings(host, port, entries, seed, changesPerMinute, retainedChanges, user, password,
                latencyMillis, rate, down);
    }

    MinistrySettings late(long millis) {
        return new MinistrySettings(host, port, entries, seed, changesPerMinute, retainedChanges, user, password,
                millis, faultRate, down);
    }

    MinistrySettings seeded(long newSeed) {
        return new MinistrySettings(host, port, entries, newSeed, changesPerMinute, retainedChanges, user, password,
                latencyMillis, faultRate, down);
    }

    MinistrySettings account(String newUser, String newPassword) {
        return new MinistrySettings(host, port, entries, seed, changesPerMinute, retainedChanges, newUser,
                newPassword, latencyMillis, faultRate, down);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return InteriorMinistrySimulatorConfiguration.class;
    }
}
