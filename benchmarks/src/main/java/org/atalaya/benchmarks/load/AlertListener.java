package org.atalaya.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A control centre's live alert stream ({@code GET /api/v1/alerts/stream}, Server-Sent Events),
 * read as the control centre reads it. For each hit on a read of this run it records the time
 * from the read's send (told by {@link #sent}) to the alert's arrival here, in microseconds, and
 * how that time divides at the alert's {@code raisedAt} (the correlation's clock, the same as the
 * harness's on one machine): the read's way to the match, and the alert's way from the match to
 * the control centre. And for each hit whose {@code HIT_DETAILS} alert (the vehicle's details,
 * looked up at the Interior Ministry after the hit went out) follows on the stream, the time
 * between the two arrivals; and how many hits' details came before the hit.
 */
public final class AlertListener implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workload workload;
    /** Per read that hits: its send as {@code System.nanoTime()} and as microseconds of the epoch. */
    private final ConcurrentHashMap<Long, long[]> sentAt = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Boolean> alerted = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final Recorder toMatch = new Recorder(3);
    private final Recorder fromMatch = new Recorder(3);
    private final Recorder overRest = new Recorder(3);
    private volatile LongPredicate postedOverRest = n -> false;
    /** Per hit streamed while recording: its arrival as {@code System.nanoTime()}, until its details arrive. */
    private final ConcurrentHashMap<String, Long> hitArrived = new ConcurrentHashMap<>();
    private final Recorder detailsAfterHit = new Recorder(3);
    /** Hits whose {@code HIT_DETAILS} came first while recording, until the hit comes too. */
    private final ConcurrentHashMap<String, Boolean> detailsFirst = new ConcurrentHashMap<>();
    private final AtomicLong detailsBeforeHit = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final InputStream body;
    private final Thread reader;
    private volatile boolean recording;
    /** One line per hit recorded, when {@link #logHits} was called; written by the reader only. */
    private volatile Writer hitLog;

    /** Reads {@code body}, a stream of Server-Sent Events, on a thread of its own. */
    AlertListener(Workload workload, InputStream body, boolean recording) {
        this.workload = workload;
        this.body = body;
        this.recording = recording;
        this.reader = new Thread(this::read, "alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream as {@code agency} and returns once the hub has opened it. */
    public static AlertListener open(Https https, String agency, Workload workload) throws Exception {
        HttpResponse<InputStream> response = https.open("/api/v1/alerts/stream", agency);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the alert stream was refused: " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        AlertListener listener = new AlertListener(workload, response.body(), false);
        if (!listener.opened.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the alert stream did not open");
        }
        return listener;
    }

    /** Read {@code n} is being sent now (call it for the reads that hit). */
    public void sent(long n) {
        Instant now = Instant.now();
        sentAt.put(n, new long[] {System.nanoTime(), epochMicros(now)});
    }

    /** Which reads are posted over REST, whose latencies are also counted apart ({@link #overRest()}). */
    public void postedOverRest(LongPredicate reads) {
        postedOverRest = reads;
    }

    /**
     * Also writes each hit recorded to {@code file}, a line each: the read's number, its send, the
     * alert's {@code raisedAt} and its arrival here, in microseconds of the epoch, and whether it was
     * posted over REST. The figures' time series, to place the slow hits beside the hub's logs.
     */
    public void logHits(Path file) throws IOException {
        Writer log = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        log.write("read,sent_us,raised_us,arrived_us,rest\n");
        hitLog = log;
    }

    /** Latencies are recorded from now on (after the warm-up). */
    public void record(boolean on) {
        recording = on;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("hit".equals(name)) {
                        hit(data.toString());
                    } else if ("hit_details".equals(name)) {
                        details(data.toString());
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("retry:")) {
                    opened.countDown();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // the stream ends with the hub or with close()
        }
    }

    private void hit(String data) throws IOException {
        long arrived = System.nanoTime();
        long arrivedMicros = epochMicros(Instant.now());
        JsonNode alert = JSON.readTree(data);
        long n = workload.readNumber(alert.at("/alert/read/id").asText(null));
        if (n < 0) {
            return;
        }
        if (!workload.hits(n)) {
            unexpected.incrementAndGet();
        } else if (alerted.putIfAbsent(n, Boolean.TRUE) != null) {
            duplicates.incrementAndGet();
        } else {
            hits.incrementAndGet();
            long[] sent = sentAt.remove(n);
            if (recording) {
                String id = alert.at("/alert/id").asText();
                if (detailsFirst.remove(id) != null) {
                    detailsBeforeHit.incrementAndGet();
                } else {
                    hitArrived.put(id, arrived);
                }
            }
            if (sent != null && recording) {
                long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(arrived - sent[0]));
                latency.recordValue(micros);
                if (postedOverRest.test(n)) {
                    overRest.recordValue(micros);
                }
                String raised = alert.at("/alert/raisedAt").asText(null);
                long raisedMicros = raised == null ? -1 : epochMicros(Instant.parse(raised));
                if (raised != null) {
                    toMatch.recordValue(Math.max(0, raisedMicros - sent[1]));
                    fromMatch.recordValue(Math.max(0, arrivedMicros - raisedMicros));
                }
                Writer log = hitLog;
                if (log != null) {
                    log.write(n + "," + sent[1] + "," + raisedMicros + "," + arrivedMicros + ","
                            + postedOverRest.test(n) + "\n");
                }
            }
        }
    }

    private void details(String data) throws IOException {
        long arrived = System.nanoTime();
        String hitId = JSON.readTree(data).at("/alert/hitId").asText();
        Long hit = hitArrived.remove(hitId);
        if (hit != null && recording) {
            detailsAfterHit.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(arrived - hit)));
        } else if (recording) {
            detailsFirst.put(hitId, Boolean.TRUE);
        }
    }

    /** Until the stream has ended, at most {@code millis}; whether it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
        return !reader.isAlive();
    }

    public long hits() {
        return hits.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long unexpected() {
        return unexpected.get();
    }

    /** The latencies of the reads posted over REST, recorded since the last call, in microseconds. */
    public Histogram overRest() {
        return overRest.getIntervalHistogram();
    }

    /** The latencies recorded since the last call, in microseconds. */
    public Histogram latencies() {
        return latency.getIntervalHistogram();
    }

    /** Of those: from the read's send to the alert's {@code raisedAt}, in microseconds. */
    public Histogram toMatch() {
        return toMatch.getIntervalHistogram();
    }

    /** Of those: from the alert's {@code raisedAt} to its arrival here, in microseconds. */
    public Histogram fromMatch() {
        return fromMatch.getIntervalHistogram();
    }

    /** Hits of this run whose {@code HIT_DETAILS} alert came on the stream before the hit itself. */
    public long detailsBeforeHit() {
        return detailsBeforeHit.get();
    }

    /** From a hit's arrival to its {@code HIT_DETAILS} alert's, in microseconds. */
    public Histogram detailsAfterHit() {
        return detailsAfterHit.getIntervalHistogram();
    }

    private static long epochMicros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }

    @Override
    public void close() throws IOException {
        body.close();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Writer log = hitLog;
        if (log != null) {
            log.close();
        }
    }
}
