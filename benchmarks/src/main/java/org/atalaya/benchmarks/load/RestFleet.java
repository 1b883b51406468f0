package org.atalaya.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Cameras posting their reads over REST as they make them, each from a thread of its own, as an
 * ANPR camera's store-and-forward client does: a camera posts every read it has not sent yet, up
 * to {@link #BATCH} in one request, as soon as its previous post is answered. A camera with one
 * read waiting posts one read; one that made more while its last post was on its way posts them
 * together. A post the hub did not accept is posted again, with the same read ids.
 */
final class RestFleet implements AutoCloseable {

    /** The most reads a camera puts in one post: {@code POST /api/v1/anpr/reads} takes batches. */
    static final int BATCH = 50;

    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Posts a batch of reads; true if the hub accepted them ({@link RestCameras#post(long[])}). */
    interface Poster {
        boolean post(long[] reads) throws InterruptedException;
    }

    private final Poster rest;
    private final MqttFleet.Acceptance acceptance;
    private final List<LinkedBlockingQueue<Long>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Recorder answered = new Recorder(3);

    /** @param acceptance told of every read the hub accepted */
    RestFleet(Poster rest, int cameras, MqttFleet.Acceptance acceptance) {
        this.rest = rest;
        this.acceptance = acceptance;
        for (int c = 0; c < cameras; c++) {
            LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            threads.add(Testbed.started("rest-camera-" + c, () -> postAll(queue)));
        }
    }

    /** Hands read {@code n} to its camera, which posts it at once or with its next post. */
    void send(long n) {
        unsent.incrementAndGet();
        queues.get((int) (n % queues.size())).add(n);
    }

    /**
     * Waits until every read handed over is accepted, at most {@code timeoutMillis}; false if some
     * are not.
     */
    boolean drain(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (unsent.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return unsent.get() == 0;
    }

    long posts() {
        return posts.get();
    }

    long accepted() {
        return accepted.get();
    }

    /** The posts the hub did not accept (each then posted again). */
    long refused() {
        return refused.get();
    }

    private void postAll(LinkedBlockingQueue<Long> queue) {
        List<Long> reads = new ArrayList<>(BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                reads.add(queue.take());
                queue.drainTo(reads, BATCH - 1);
                long[] batch = reads.stream().mapToLong(Long::longValue).toArray();
                while (!timed(batch)) {
                    refused.incrementAndGet();
                    LockSupport.parkNanos(RETRY_NANOS);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                for (long read : batch) {
                    acceptance.accepted(read);
                }
                accepted.addAndGet(batch.length);
                unsent.addAndGet(-batch.length);
                reads.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long the posts took to be answered since the last call, in microseconds. */
    Histogram answered() {
        return answered.getIntervalHistogram();
    }

    /** Posts the batch, counted and timed. */
    private boolean timed(long[] batch) throws InterruptedException {
        posts.incrementAndGet();
        long sent = System.nanoTime();
        try {
            return rest.post(batch);
        } finally {
            answered.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
