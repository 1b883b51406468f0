package org.atalaya.simulators.registry.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's Interior Ministry: its vehicle registry service (contract
 * {@code urn:es:interior:vehicle-registry:v1}) served over SOAP on a port of its own, with a
 * generated hotlist of stolen and wanted vehicles, a change feed, the hub's account to check, and
 * the faults it is told to show.
 *
 * <p>A configuration change of the account, the latency, the fault rate, the change rate or
 * {@code down} applies at once; one of the address or the hotlist's making ({@code host},
 * {@code port}, {@code entries}, {@code seed}, {@code retainedChanges}) starts the service again
 * with a new hotlist at version 1.
 */
@Component(service = RegistrySimulator.class, configurationPid = InteriorMinistrySimulator.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = InteriorMinistrySimulatorConfiguration.class)
public class InteriorMinistrySimulator implements RegistrySimulator {

    static final String PID = "org.atalaya.simulators.registry";

    private static final Logger LOG = LoggerFactory.getLogger(InteriorMinistrySimulator.class);

    /** The settings that make the hotlist and the server: a change of one starts them again. */
    private record Making(String host, int port, int entries, long seed, int retainedChanges) {
    }

    /** A started simulator. */
    private record Running(Making making, MinistryHotlist hotlist, HitNotices notices, FaultInjection faults,
            UsernameTokenCheck login, RegistryServer server, ChangeFeed feed, double changesPerMinute) {
    }

    private volatile Running running;

    @Activate
    void activate(InteriorMinistrySimulatorConfiguration config) throws Exception {
        running = start(config);
    }

    @Modified
    synchronized void modified(InteriorMinistrySimulatorConfiguration config) throws Exception {
        check(config);
        Running now = running;
        if (!making(config).equals(now.making())) {
            stop(now);
            running = null;
            running = start(config);
            return;
        }
        now.login().account(config.user(), config.password());
        now.faults().latency(Duration.ofMillis(config.latencyMillis()));
        now.faults().faultRate(config.faultRate());
        if (config.changesPerMinute() != now.changesPerMinute()) {
            if (now.feed() != null) {
                now.feed().close();
            }
            running = new Running(now.making(), now.hotlist(), now.notices(), now.faults(), now.login(), now.server(),
                    feed(now.hotlist(), config), config.changesPerMinute());
        }
        now.server().down(config.down());
        LOG.info("Interior Ministry simulator at {}: {} changes/min, latency {} ms, fault rate {}{}",
                now.server().address(), config.changesPerMinute(), config.latencyMillis(), config.faultRate(),
                config.down() ? ", down" : "");
    }

    @Deactivate
    synchronized void deactivate() {
        Running stopped = running;
        running = null;
        if (stopped != null) {
            stop(stopped);
        }
    }

    @Override
    public URI address() {
        return running().server().address();
    }

    @Override
    public long version() {
        return running().hotlist().version();
    }

    @Override
    public long size() {
        return running().hotlist().size();
    }

    @Override
    public Optional<Listing> list(String reference) {
        return running().hotlist().current(reference);
    }

    @Override
    public Listing addEntry(String plate, String country, AlertCategory category, int priority, String reason) {
        return running().hotlist().add(plate, country, category, priority, reason);
    }

    @Override
    public Listing updateEntry(Listing changed) {
        return running().hotlist().update(Objects.requireNonNull(changed, "changed"));
    }

    @Override
    public boolean removeEntry(String reference) {
        return running().hotlist().remove(reference);
    }

    @Override
    public void setDown(boolean down) {
        running().server().down(down);
        LOG.info("Interior Ministry simulator {}", down ? "down: its port refuses connections" : "up again");
    }

    @Override
    public void setLatency(Duration latency) {
        running().faults().latency(latency);
    }

    @Override
    public void failNext(int n) {
        running().faults().failNext(n);
    }

    @Override
    public long hitNotices() {
        return running().notices().count();
    }

    @Override
    public long hitNoticesFor(String plate) {
        return running().notices().count(plate);
    }

    private Running running() {
        Running now = running;
        if (now == null) {
            throw new IllegalStateException("the Interior Ministry simulator is not running");
        }
        return now;
    }

    private static Running start(InteriorMinistrySimulatorConfiguration config) throws Exception {
        check(config);
        Making making = making(config);
        long seed = config.seed();
        MinistryHotlist hotlist = new MinistryHotlist(new GeneratedHotlist(seed), making.entries(),
                making.retainedChanges(), Clock.systemUTC());
        HitNotices notices = new HitNotices();
        FaultInjection faults = new FaultInjection(seed, Duration.ofMillis(config.latencyMillis()),
                config.faultRate());
        UsernameTokenCheck login = new UsernameTokenCheck(config.user(), config.password());
        RegistryServer server = RegistryServer.start(making.host(), making.port(),
                new VehicleRegistryEndpoint(hotlist, new VehicleRegister(seed), notices, faults), login);
        ChangeFeed feed;
        try {
            server.down(config.down());
            feed = feed(hotlist, config);
        } catch (RuntimeException failed) {
            server.close();
            throw failed;
        }
        LOG.info("Interior Ministry simulator serving the vehicle registry at {}{}: {} entries (seed {}), "
                + "{} changes/min, the last {} kept", server.address(), config.down() ? " (down)" : "",
                making.entries(), seed, config.changesPerMinute(), making.retainedChanges());
        return new Running(making, hotlist, notices, faults, login, server, feed, config.changesPerMinute());
    }

    private static ChangeFeed feed(MinistryHotlist hotlist, InteriorMinistrySimulatorConfiguration config) {
        return config.changesPerMinute() > 0 ? new ChangeFeed(hotlist, config.changesPerMinute(), config.seed())
                : null;
    }

    private static void stop(Running stopped) {
        if (stopped.feed() != null) {
            stopped.feed().close();
        }
        stopped.server().close();
        LOG.info("Interior Ministry simulator at {} stopped: hotlist at version {}, {} hit notices received",
                stopped.server().address(), stopped.hotlist().version(), stopped.notices().count());
    }

    /** Refuses settings it cannot run with before anything is started. */
    private static void check(InteriorMinistrySimulatorConfiguration config) {
        if (config.host() == null || config.host().isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (config.port() < 0 || config.port() > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + config.port());
        }
        if (config.entries() < 0 || config.entries() > GeneratedHotlist.MAX_ENTRIES) {
            throw new IllegalArgumentException("entries must be 0 to " + GeneratedHotlist.MAX_ENTRIES + ": "
                    + config.entries());
        }
        if (!(config.changesPerMinute() >= 0 && config.changesPerMinute() <= 60_000)) {
            throw new IllegalArgumentException("changesPerMinute must be 0 to 60000: " + config.changesPerMinute());
        }
        if (config.retainedChanges() < 0) {
            throw new IllegalArgumentException("retainedChanges must be 0 or more: " + config.retainedChanges());
        }
        if (config.user() == null || config.user().isBlank() || config.password() == null
                || config.password().isEmpty()) {
            throw new IllegalArgumentException("user and password are required: the hub must authenticate (set them "
                    + "in etc/" + PID + ".cfg)");
        }
        if (config.latencyMillis() < 0) {
            throw new IllegalArgumentException("latencyMillis must be 0 or more: " + config.latencyMillis());
        }
        if (!(config.faultRate() >= 0 && config.faultRate() <= 1)) {
            throw new IllegalArgumentException("faultRate must be 0 to 1: " + config.faultRate());
        }
    }

    private static Making making(InteriorMinistrySimulatorConfiguration config) {
        return new Making(config.host().strip(), config.port(), config.entries(), config.seed(),
                config.retainedChanges());
    }
}
