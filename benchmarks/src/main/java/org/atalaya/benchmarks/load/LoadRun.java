package org.atalaya.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * The end-to-end load harness: the built distribution with a hotlist of {@code entries}, plate
 * reads from {@code connections} cameras over MQTT (QoS 1) and, about one read in
 * {@code restEvery}, over REST; the Local Police's alert stream as the control-centre subscriber.
 *
 * <ol>
 * <li><b>Throughput</b>: as many reads as the hub accepts for {@code seconds}; then until every
 * queue of the ANPR path is empty. Reports accepted reads/s and reads/s processed end to end
 * (matched, archived, alerts stored and streamed), the hub's CPU and memory.</li>
 * <li><b>Latency</b>: {@code rate} reads/s, one in {@code hitEvery} (20) a hit; once the hub keeps up and its
 * JIT compilers have settled (at least {@code warmupSeconds}), read → alert latency for {@code latencySeconds},
 * from the read's send to the alert's arrival on the stream.</li>
 * <li><b>Baseline</b>: the hub stopped, a bare Artemis broker on the same configuration and the
 * same cameras ({@link BrokerBaseline}); the hub's throughput as a share of the broker's.</li>
 * </ol>
 *
 * {@code java -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.load.LoadRun [key=value...]}
 */
public final class LoadRun {

    private final Options options;
    private final Report report;

    LoadRun(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /** The run's settings, {@code key=value} on the command line. */
    record Options(Path assembly, Path work, int entries, int connections, int window, int restEvery, int seconds,
            int warmupSeconds, int rate, int latencySeconds, int consumers, boolean baseline, int hubConsumers,
            boolean hub, String database, boolean waitForJit, int hitEvery) {

        static Options parse(String[] args) {
            Settings settings = new Settings(args);
            Options options = new Options(settings.assembly(), settings.work("load"),
                    settings.integer("entries", 1_000_000), settings.integer("connections", 100),
                    settings.integer("window", 32), settings.integer("restEvery", 10), settings.integer("seconds", 120),
                    settings.integer("warmupSeconds", 20), settings.integer("rate", 1000),
                    settings.integer("latencySeconds", 120), settings.integer("consumers", 2),
                    settings.flag("baseline", true), settings.integer("hubConsumers", 0), settings.flag("hub", true),
                    settings.text("database", "h2"), settings.flag("waitForJit", true),
                    settings.integer("hitEvery", 20));
            settings.done();
            if (options.warmupSeconds() < 0
                    || options.seconds() > 0 && options.warmupSeconds() >= options.seconds()) {
                // the throughput phase measures from the end of its warm-up: none would be left
                throw new IllegalArgumentException("warmupSeconds (" + options.warmupSeconds()
                        + ") must be 0 or more and under seconds (" + options.seconds()
                        + "), or seconds=0 to skip the throughput phase");
            }
            // refused here, not once the hub has started and the latency phase builds its workload
            Workload.requireHitEvery(options.hitEvery());
            return options;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new LoadRun(options, new Report(options.work().resolve("report.txt"))).run();
    }

    void run() throws Exception {
        report.line("load run: %s", options);
        report.line("machine: %d cores, %s %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.version"));
        double hubRate = options.hub() ? hub() : Double.NaN;
        if (options.baseline() && options.seconds() > 0) {
            double brokerRate = new BrokerBaseline(options, report).run();
            report.line("RATIO hub end to end / bare broker = %.3f (%.0f / %.0f reads/s)", hubRate / brokerRate,
                    hubRate, brokerRate);
        }
    }

    /** The hub's phases; returns the reads/s it processed end to end, NaN without a throughput phase. */
    private double hub() throws Exception {
        Map<String, Map<String, ?>> settings = new HashMap<>();
        if (options.hubConsumers() > 0) {
            settings.put("org.atalaya.anprcameras.cfg", Map.of("consumers", options.hubConsumers()));
            settings.put("org.atalaya.correlation.anpr.cfg", Map.of("consumers", options.hubConsumers()));
        }
        if (options.database().equals("postgresql")) {
            Map<String, ?> postgresql = BenchDatabase.postgresql(report);
            BenchDatabase.DATASOURCE_FILES.forEach(file -> settings.put(file, postgresql));
        } else if (!options.database().equals("h2")) {
            throw new IllegalArgumentException("database: h2 or postgresql, not " + options.database());
        }
        try (Testbed testbed = Testbed.prepare(options.assembly(), options.work().resolve("hub"), options.connections(),
                new Workload("t", options.entries(), 100, 0), report, settings)) {
            double hubRate = options.seconds() > 0 ? throughput(testbed) : Double.NaN;
            if (options.latencySeconds() > 0) {
                latency(testbed);
            }
            long stopping = System.nanoTime();
            testbed.hub().stop(Duration.ofMinutes(2));
            report.line("hub stopped in %.1f s", Testbed.seconds(stopping));
            return hubRate;
        }
    }

    /** Reads as fast as the hub accepts them; returns the reads/s processed end to end. */
    private double throughput(Testbed testbed) throws Exception {
        Hub hub = testbed.hub();
        Workload workload = new Workload("t", options.entries(), 100, 0);
        AtomicLong expectedHits = new AtomicLong();
        long pid = hub.javaProcess().orElseThrow().pid();
        try (AlertListener alerts = AlertListener.open(hub.https(), "local-police", workload);
                BrokerQueues queues = new BrokerQueues(hub);
                MqttFleet fleet = testbed.mqttCameras(workload, options.window(),
                        workload.countingHits(expectedHits))) {
            RestCameras rest = testbed.restCameras(workload);
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicLong next = new AtomicLong();
            AtomicLong restNext = new AtomicLong();
            AtomicLong restAccepted = new AtomicLong();
            List<Thread> senders = new ArrayList<>();
            int restEvery = options.restEvery();
            for (int t = 0; t < 2; t++) {
                senders.add(Testbed.started("mqtt-sender-" + t, () -> {
                    try {
                        while (sending.get()) {
                            long n = next.getAndIncrement();
                            if (Workload.overRest(n, restEvery)) {
                                continue;
                            }
                            if (workload.hits(n)) {
                                alerts.sent(n);
                            }
                            if (!fleet.send(n)) {
                                throw new IllegalStateException("a camera lost its connection during the run");
                            }
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            // the REST share of this many reads a post: about RestFleet.BATCH reads, a full batch
            long range = (long) RestFleet.BATCH * restEvery;
            for (int t = 0; restEvery > 0 && t < 2; t++) {
                senders.add(Testbed.started("rest-sender-" + t, () -> {
                    try {
                        while (sending.get()) {
                            long from = restNext.getAndAdd(range);
                            long[] reads = Workload.overRest(from, from + range, restEvery);
                            int hits = 0;
                            for (long read : reads) {
                                if (workload.hits(read)) {
                                    alerts.sent(read);
                                    hits++;
                                }
                            }
                            if (reads.length > 0 && !rest.post(reads)) {
                                throw new IllegalStateException("the hub did not accept a batch over REST");
                            }
                            restAccepted.addAndGet(reads.length);
                            expectedHits.addAndGet(hits);
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }

            long start = System.nanoTime();
            ProcessStats cpuAtStart = ProcessStats.of(pid);
            long warm = 0;
            ProcessStats cpuAtWarm = cpuAtStart;
            long maxBacklog = 0;
            // from second 0, so that no warm-up (warmupSeconds=0) measures from the start
            for (int second = 0; second <= options.seconds(); second++) {
                LockSupport.parkNanos(start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime());
                long accepted = fleet.accepted() + restAccepted.get();
                long backlog = queues.anprBacklog();
                maxBacklog = Math.max(maxBacklog, backlog);
                if (second == options.warmupSeconds()) {
                    warm = accepted;
                    cpuAtWarm = ProcessStats.of(pid);
                    alerts.record(true);
                }
                if (second > 0 && second % 10 == 0) {
                    report.line("  %3d s: %,d reads accepted (%,d over REST), %,d hits streamed; queues: %s", second,
                            accepted, restAccepted.get(), alerts.hits(), queues.anprDepths());
                }
            }
            sending.set(false);
            for (Thread sender : senders) {
                sender.join();
            }
            if (!fleet.drain(TimeUnit.MINUTES.toMillis(2))) {
                throw new IllegalStateException(fleet.pending() + " reads were never acknowledged");
            }
            double sendSeconds = Testbed.seconds(start);
            long accepted = fleet.accepted() + restAccepted.get();
            ProcessStats cpuAtEnd = ProcessStats.of(pid);
            double acceptedRate = (accepted - warm) / (sendSeconds - options.warmupSeconds());
            long backlog = queues.anprBacklog();
            while ((backlog > 0 || alerts.hits() < expectedHits.get()) && Testbed.seconds(start) < sendSeconds + 600) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                backlog = queues.anprBacklog();
            }
            double doneSeconds = Testbed.seconds(start);
            ProcessStats memory = ProcessStats.of(pid);
            // reads through the whole path per second; with a backlog left after 10 minutes, those
            // processed so far (a queued alert or archive copy counts as a read still in the hub)
            double processedRate = (accepted - Math.min(accepted, backlog)) / doneSeconds;
            if (backlog > 0) {
                report.line("THROUGHPUT %,d messages still queued along the ANPR path 10 minutes after the last "
                        + "read was accepted", backlog);
            }
            report.line("THROUGHPUT accepted %,d reads in %.1f s (%,d over REST): %,.0f reads/s accepted after the "
                    + "warm-up", accepted, sendSeconds, restAccepted.get(), acceptedRate);
            report.line("THROUGHPUT all processed end to end %.1f s after the first: %,.0f reads/s end to end; "
                    + "largest backlog %,d", doneSeconds, processedRate, maxBacklog);
            report.line("THROUGHPUT hits streamed %,d of %,d expected, %d duplicates, %d unexpected", alerts.hits(),
                    expectedHits.get(), alerts.duplicates(), alerts.unexpected());
            report.line("THROUGHPUT hub CPU %.2f cores while sending (after the warm-up); RSS %,d MiB, peak %,d MiB",
                    cpuAtEnd.coresSince(cpuAtWarm, sendSeconds - options.warmupSeconds()), memory.rssKib() / 1024,
                    memory.peakRssKib() / 1024);
            percentiles("THROUGHPUT read -> alert at saturation", alerts.latencies());
            return processedRate;
        }
    }

    /** The longest the latency phase waits, past {@code warmupSeconds}, for the hub to be warm. */
    private static final int MAX_EXTRA_WARMUP_SECONDS = 600;
    /** The latency phase's windows, each with a p99 of its own (LatencyWindows). */
    private static final int WINDOW_SECONDS = 20;
    /** The JIT compilers' share of the cores, over 10 s, under which the hub counts as compiled. */
    private static final double JIT_SETTLED_CORES = 0.05;

    /**
     * {@code rate} reads/s, one in {@code hitEvery} (20) a hit; read → alert latency, measured for
     * {@code latencySeconds} once the hub is warm: after at least {@code warmupSeconds}, when no
     * more than a tenth of a second's reads wait to be matched and (unless {@code waitForJit=false})
     * the JIT compilers took less than {@value #JIT_SETTLED_CORES} cores over the last 10 s; or 10
     * minutes later, said so.
     */
    private void latency(Testbed testbed) throws Exception {
        Hub hub = testbed.hub();
        Workload workload = new Workload("l", options.entries(), options.hitEvery(), options.entries() / 2);
        long pid = hub.javaProcess().orElseThrow().pid();
        AtomicLong expectedHits = new AtomicLong();
        try (AlertListener alerts = AlertListener.open(hub.https(), "local-police", workload);
                BrokerQueues queues = new BrokerQueues(hub);
                MqttFleet fleet = testbed.mqttCameras(workload, options.window(),
                        workload.countingHits(expectedHits));
                // one REST camera for every 25 reads a second it is offered, each posting what it has
                RestFleet rest = new RestFleet(testbed.restCameras(workload)::post, Math.max(4,
                        options.restEvery() > 0 ? options.rate() / options.restEvery() / 25 : 0),
                        workload.countingHits(expectedHits))) {
            long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
            long warmupMin = (long) options.rate() * options.warmupSeconds();
            long warmupMax = warmupMin + (long) options.rate() * MAX_EXTRA_WARMUP_SECONDS;
            long total = Long.MAX_VALUE;
            long start = System.nanoTime();
            ProcessStats cpuAtStart = ProcessStats.of(pid);
            ProcessStats cpuAtWarm = null;
            // a window holds at least half of what WINDOW_SECONDS of hits should bring
            LatencyWindows windows =
                    new LatencyWindows((long) options.rate() * WINDOW_SECONDS / options.hitEvery() / 2);
            ProcessStats tenSecondsAgo = cpuAtStart;
            double jitCores = Double.MAX_VALUE;
            double warmSeconds = 0;
            int restEvery = options.restEvery();
            alerts.postedOverRest(n -> Workload.overRest(n, restEvery));
            alerts.logHits(options.work().resolve("hits.csv"));
            for (long n = 0; n < total; n++) {
                LockSupport.parkNanos(start + n * interval - System.nanoTime());
                // measured once the hub is warm: the start's backlog (the hotlist's past-hit checks)
                // worked off and its code compiled, checked once a second after the minimum warm-up
                if (total == Long.MAX_VALUE && n >= warmupMin && n % options.rate() == 0
                        && (queues.unmatchedMessages() <= options.rate() / 10
                                && (!options.waitForJit() || jitCores < JIT_SETTLED_CORES) || n >= warmupMax)) {
                    alerts.record(true);
                    rest.answered(); // the posts' times are counted from here, as the alerts'
                    cpuAtWarm = ProcessStats.of(pid);
                    warmSeconds = Testbed.seconds(start);
                    total = n + (long) options.rate() * options.latencySeconds();
                    report.line("LATENCY warm-up %.0f s; %,d messages waiting to be matched, the JIT at %.2f cores;"
                            + " measuring %d s", warmSeconds, queues.unmatchedMessages(),
                            jitCores == Double.MAX_VALUE ? Double.NaN : jitCores, options.latencySeconds());
                }
                if (n > 0 && n % (options.rate() * 10L) == 0) {
                    ProcessStats now = ProcessStats.of(pid);
                    jitCores = now.compilerCoresSince(tenSecondsAgo, 10);
                    report.line("  %3d s: %,d reads accepted over MQTT, %,d hits streamed; hub %.2f cores, JIT %.2f;"
                            + " queues: %s", n / options.rate(), fleet.accepted(), alerts.hits(),
                            now.coresSince(tenSecondsAgo, 10), jitCores,
                            queues.anprDepths());
                    tenSecondsAgo = now;
                }
                if (cpuAtWarm != null && n % ((long) options.rate() * WINDOW_SECONDS) == 0) {
                    windows.add(alerts.latencies());
                }
                if (workload.hits(n)) {
                    alerts.sent(n);
                }
                if (Workload.overRest(n, restEvery)) {
                    rest.send(n);
                } else if (!fleet.send(n)) {
                    throw new IllegalStateException("a camera lost its connection during the run");
                }
            }
            double sendSeconds = Testbed.seconds(start);
            rest.drain(TimeUnit.MINUTES.toMillis(5));
            double restLate = Testbed.seconds(start) - sendSeconds;
            if (restLate > 1) {
                // reads still waiting in their cameras were not sent at the rate offered
                report.line("LATENCY the REST posts fell behind: the last accepted %.1f s after the last send over"
                        + " MQTT", restLate);
            }
            Histogram answered = rest.answered();
            report.line("LATENCY over REST: %,d reads accepted in %,d posts (%.2f reads a post), %,d posts refused;"
                    + " once warm, a post answered in p50 %.1f ms, p99 %.1f ms", rest.accepted(), rest.posts(),
                    rest.accepted() / (double) Math.max(1, rest.posts()), rest.refused(),
                    answered.getValueAtPercentile(50) / 1000.0, answered.getValueAtPercentile(99) / 1000.0);
            fleet.drain(TimeUnit.MINUTES.toMillis(1));
            ProcessStats cpuAtEnd = ProcessStats.of(pid);
            double cpuSeconds = Testbed.seconds(start);
            // the JIT compilers run on the same cores: compiling still, the hub is not warm yet
            double measuredJitCores = cpuAtEnd.compilerCoresSince(cpuAtWarm, cpuSeconds - warmSeconds);
            String undrained = null;
            while (queues.anprBacklog() > 0 || alerts.hits() < expectedHits.get()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                if (Testbed.seconds(start) > sendSeconds + 300) {
                    // the figures of the hits streamed are still reported; the run then fails
                    undrained = String.format(Locale.ROOT, "not drained 5 minutes after the last send: %,d hits"
                            + " streamed of %,d; queues: %s", alerts.hits(), expectedHits.get(), queues.anprDepths());
                    report.line("LATENCY %s", undrained);
                    break;
                }
            }
            if (undrained == null) {
                // what the run sustained: every read sent, matched and archived, against the wall clock
                double doneSeconds = Testbed.seconds(start);
                report.line("LATENCY every queue of the ANPR path empty %.1f s after the last send:"
                        + " %,.0f reads/s end to end over the run", doneSeconds - sendSeconds, total / doneSeconds);
            }
            report.line("LATENCY %,d reads at %,d reads/s in %.1f s; %,d hits streamed of %,d, %d duplicates, "
                    + "%d unexpected; hub CPU %.2f cores in all, %.2f cores while measured", total, options.rate(),
                    sendSeconds, alerts.hits(), expectedHits.get(), alerts.duplicates(), alerts.unexpected(),
                    cpuAtEnd.coresSince(cpuAtStart, cpuSeconds),
                    cpuAtEnd.coresSince(cpuAtWarm, cpuSeconds - warmSeconds));
            report.line("LATENCY the hub's JIT compilers while measured: %.2f cores", measuredJitCores);
            windows.add(alerts.latencies());
            percentiles("LATENCY read -> alert at " + options.rate() + " reads/s", windows.total());
            windows.spread().ifPresent(spread -> report.line("  p99 of each %d s: lowest %.1f ms, median %.1f ms,"
                    + " highest %.1f ms, of %d windows", WINDOW_SECONDS, spread.lowest(), spread.median(),
                    spread.highest(), spread.windows()));
            percentiles("  of which read -> match (the alert's raisedAt)", alerts.toMatch());
            percentiles("  of which match -> alert on the stream", alerts.fromMatch());
            percentiles("  the reads posted over REST (in the figures above)", alerts.overRest());
            percentiles("LATENCY a hit -> its vehicle's details (HIT_DETAILS) on the stream", alerts.detailsAfterHit());
            report.line("  and %,d hits whose HIT_DETAILS came before the hit", alerts.detailsBeforeHit());
            if (undrained != null) {
                throw new IllegalStateException(undrained);
            }
        }
    }

    private void percentiles(String what, Histogram micros) {
        report.line("%s: %,d hits, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms", what,
                micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }
}
