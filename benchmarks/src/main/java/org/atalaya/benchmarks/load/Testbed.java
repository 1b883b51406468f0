package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hub ready for a run: the built distribution unpacked and started, the simulated ministry
 * answering its connector, {@code cameras} camera sites registered, and the workload's hotlist
 * imported over REST as a control centre imports one.
 */
public final class Testbed implements AutoCloseable {

    public static final Duration BOOT = Duration.ofMinutes(5);

    private final Hub hub;
    private final Ministry ministry;
    private final List<String> cameras;

    private Testbed(Hub hub, Ministry ministry, List<String> cameras) {
        this.hub = hub;
        this.ministry = ministry;
        this.cameras = cameras;
    }

    public static Testbed prepare(Path assembly, Path home, int cameraCount, Workload workload, Report report)
            throws Exception {
        return prepare(assembly, home, cameraCount, workload, report, java.util.Map.of());
    }

    /**
     * @param settings changes to the distribution's {@code etc/} files before the first start:
     *        file name to {@code key -> value}
     */
    public static Testbed prepare(Path assembly, Path home, int cameraCount, Workload workload, Report report,
            java.util.Map<String, java.util.Map<String, ?>> settings) throws Exception {
        Hub hub = Hub.unpack(assembly, home);
        for (java.util.Map.Entry<String, java.util.Map<String, ?>> file : settings.entrySet()) {
            hub.edit("etc/" + file.getKey(), file.getValue());
            Map<String, Object> shown = new TreeMap<>(file.getValue());
            shown.replaceAll((key, value) -> key.contains("password") ? "(set)" : value);
            report.line("etc/%s: %s", file.getKey(), shown);
        }
        Ministry ministry = Ministry.serve(hub);
        long started = System.nanoTime();
        hub.start(BOOT);
        report.line("hub started in %.1f s (first start, bin/atalaya-init included)", seconds(started));
        List<String> cameras = registerCameras(hub.https(), cameraCount);
        long importing = System.nanoTime();
        String answer = importHotlist(hub.https(), workload);
        report.line("hotlist of %,d entries imported over REST in %.1f s: %s", workload.entries(), seconds(importing),
                answer);
        return new Testbed(hub, ministry, cameras);
    }

    private static List<String> registerCameras(Https https, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "bench-cam-%03d", i);
            // a grid over the city, 200 m apart
            double latitude = 35.870 + (i / 20) * 0.0018;
            double longitude = -5.350 + (i % 20) * 0.0022;
            HttpResponse<String> put = https.put("/api/v1/cameras/" + id, "admin", String.format(Locale.ROOT,
                    "{\"name\":\"Benchmark camera %d\",\"latitude\":%.5f,\"longitude\":%.5f,\"heading\":90}", i,
                    latitude, longitude));
            if (put.statusCode() / 100 != 2) {
                throw new IllegalStateException("camera " + id + " not registered: " + put.statusCode() + " "
                        + put.body());
            }
            ids.add(id);
        }
        return ids;
    }

    private static String importHotlist(Https https, Workload workload) throws Exception {
        PipedInputStream body = new PipedInputStream(1 << 20);
        PipedOutputStream writer = new PipedOutputStream(body);
        Thread csv = new Thread(() -> {
            try (OutputStream out = writer) {
                workload.writeHotlist(out);
            } catch (IOException closed) {
                // the request ended early: its answer says why
            }
        }, "hotlist-csv");
        csv.start();
        HttpRequest request = https.request("/api/v1/hotlist/import?source=bench", "local-police")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        HttpResponse<String> answer = https.client().send(request, HttpResponse.BodyHandlers.ofString());
        csv.join();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("hotlist import refused: " + answer.statusCode() + " " + answer.body());
        }
        String text = answer.body();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** A new thread of the harness, started. */
    static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /**
     * The registered cameras, connected to the hub over MQTT, sending {@code workload}'s reads.
     */
    public MqttFleet mqttCameras(Workload workload, int window, MqttFleet.Acceptance acceptance) throws Exception {
        MqttFleet fleet = new MqttFleet(hub.mqttUri(), "anpr-cameras", hub.password("anpr-cameras"), cameras, window,
                workload.payloads(cameras), acceptance);
        if (!fleet.connect()) {
            fleet.close();
            throw new IllegalStateException("the cameras could not connect over MQTT");
        }
        return fleet;
    }

    /** The registered cameras posting {@code workload}'s reads over REST. */
    public RestCameras restCameras(Workload workload) throws Exception {
        return new RestCameras(hub.https(), workload.payloads(cameras));
    }

    public Hub hub() {
        return hub;
    }

    @Override
    public void close() throws Exception {
        try {
            hub.close();
        } finally {
            ministry.close();
        }
    }
}
