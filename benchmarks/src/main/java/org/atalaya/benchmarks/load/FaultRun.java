package org.atalaya.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The fault run: {@code reads} plate reads (over MQTT and, one in {@code restEvery}, over REST)
 * while the hub is killed with SIGKILL {@code kills} times, at moments drawn from {@code seed},
 * and started again each time. The cameras behave as cameras do: a read whose PUBACK (or whose
 * batch's {@code 202}) did not come is sent again, with the same id, once the hub is back.
 *
 * At the end the hub is stopped and its database compared with the generator's ground truth
 * ({@link Verdict}): every read stored exactly once, every read of a listed plate alerted exactly
 * once to each police control centre, nothing else alerted.
 *
 * {@code java -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.load.FaultRun [key=value...]}
 */
public final class FaultRun {

    /**
     * How long a count the run waits on (reads accepted, reads still queued) may stand still
     * before the run fails: a hub that stops accepting, as its broker does when the disk is
     * nearly full, must fail the run, not hold it.
     */
    static final Duration STALL = Duration.ofMinutes(2);

    /** The run's settings, {@code key=value} on the command line. */
    public record Options(Path assembly, Path work, long reads, int kills, int entries, int connections, int window,
            int restEvery, long seed) {

        static Options parse(String[] args) {
            Settings settings = new Settings(args);
            Options options = new Options(settings.assembly(), settings.work("fault"),
                    settings.number("reads", 1_000_000), settings.integer("kills", 10),
                    settings.integer("entries", 1_000_000), settings.integer("connections", 100),
                    settings.integer("window", 32), settings.integer("restEvery", 10),
                    settings.number("seed", System.nanoTime()));
            settings.done();
            return options;
        }
    }

    private final Options options;
    private final Report report;

    public FaultRun(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Verdict verdict = new FaultRun(options, new Report(options.work().resolve("report.txt"))).run();
        System.exit(verdict.exact() ? 0 : 1);
    }

    public Verdict run() throws Exception {
        report.line("fault run: %s", options);
        Workload workload = new Workload("f", options.entries(), 100, 0);
        try (Testbed testbed = Testbed.prepare(options.assembly(), options.work().resolve("hub"),
                options.connections(), workload, report)) {
            Hub hub = testbed.hub();
            long[] killAt = killPoints();
            report.line("kills after %s accepted reads", Arrays.toString(killAt));
            AtomicLong restAccepted = new AtomicLong();
            List<Double> restarts = new ArrayList<>();
            long start = System.nanoTime();
            try (MqttFleet fleet = testbed.mqttCameras(workload, options.window(), n -> { })) {
                RestCameras rest = testbed.restCameras(workload);
                Thread restSender = restSender(rest, restAccepted);
                int kill = 0;
                long n = 0;
                Stall acceptance = new Stall("reads accepted", hub);
                while (n < options.reads() || fleet.pending() > 0 || restSender.isAlive()) {
                    long accepted = fleet.accepted() + restAccepted.get();
                    acceptance.check(accepted);
                    if (kill < killAt.length && accepted >= killAt[kill]) {
                        hub.kill();
                        report.line("  kill %d: SIGKILL after %,d reads accepted (%,d in flight)", kill + 1, accepted,
                                fleet.pending());
                        long restarting = System.nanoTime();
                        hub.start(Testbed.BOOT);
                        restarts.add(Testbed.seconds(restarting));
                        kill++;
                        connect(fleet);
                        acceptance.restart();
                        continue;
                    }
                    boolean sent;
                    if (n < options.reads()) {
                        if (Workload.overRest(n, options.restEvery())) {
                            n++;
                            continue; // the REST sender's
                        }
                        sent = fleet.send(n);
                        n++;
                    } else {
                        sent = fleet.drain(1000);
                        if (sent && fleet.pending() == 0) {
                            restSender.join(1000);
                        }
                    }
                    if (!sent && fleet.pending() > 0 && !fleet.connect()) {
                        if (!hub.isRunning()) {
                            throw new IllegalStateException("the hub died on its own: see " + hub.home());
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    } else if (!sent) {
                        fleet.resendPending();
                    }
                }
                report.line("all %,d reads accepted (%,d over REST) in %.1f s with %d kills; restarts took %s s",
                        options.reads(), restAccepted.get(), Testbed.seconds(start), kill, restarts.stream()
                                .map(seconds -> String.format(Locale.ROOT, "%.1f", seconds)).toList());
            }
            try (BrokerQueues queues = new BrokerQueues(hub)) {
                Stall backlog = new Stall("reads queued for the correlation", hub);
                for (long queued = queues.anprBacklog(); queued > 0; queued = queues.anprBacklog()) {
                    backlog.check(queued);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                }
                long deadLetters = queues.depth("atalaya.dlq");
                report.line("the hub worked off its backlog %.1f s after the first read; %d dead letters",
                        Testbed.seconds(start), deadLetters);
            }
            hub.stop(Duration.ofMinutes(2));
            Verdict verdict = Verdict.check(hub.databaseUrl(), hub.archiveUrl(), workload, options.reads());
            report.line("VERDICT %s", verdict);
            return verdict;
        }
    }

    /**
     * Sends the REST share of the reads ({@link Workload#overRest}), in batches of about 20, each
     * until the hub accepts it.
     */
    private Thread restSender(RestCameras rest, AtomicLong accepted) {
        int every = options.restEvery();
        if (every <= 0) {
            return Testbed.started("rest-sender", () -> { });
        }
        return Testbed.started("rest-sender", () -> {
            try {
                long range = 20L * every; // about 20 REST reads a batch
                for (long from = 0; from < options.reads(); from += range) {
                    long[] reads = Workload.overRest(from, Math.min(from + range, options.reads()), every);
                    while (reads.length > 0 && !rest.post(reads)) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    }
                    accepted.addAndGet(reads.length);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void connect(MqttFleet fleet) throws InterruptedException {
        for (int attempt = 0; !fleet.connect(); attempt++) {
            if (attempt == 50) {
                throw new IllegalStateException("the cameras could not connect over MQTT");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        fleet.resendPending();
    }

    /** A count that must move at least once every {@link #STALL}. */
    private static final class Stall {

        private final String what;
        private final Hub hub;
        private long value = Long.MIN_VALUE;
        private long since;

        Stall(String what, Hub hub) {
            this.what = what;
            this.hub = hub;
        }

        void check(long now) {
            long time = System.nanoTime();
            if (now != value) {
                value = now;
                since = time;
            } else if (time - since > STALL.toNanos()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s stood at %,d for %d s: see %s", what, now, STALL.toSeconds(),
                        hub.home().resolve("data/log/karaf.log")));
            }
        }

        /** Counts from now, as after a restart the count stands still until the cameras are back. */
        void restart() {
            since = System.nanoTime();
        }
    }

    /** The accepted-read counts at which to kill, drawn uniformly from the run, sorted. */
    private long[] killPoints() {
        Random random = new Random(options.seed());
        long[] points = new long[options.kills()];
        for (int i = 0; i < points.length; i++) {
            points[i] = 1 + (long) (random.nextDouble() * (options.reads() - 1));
        }
        Arrays.sort(points);
        return points;
    }
}
