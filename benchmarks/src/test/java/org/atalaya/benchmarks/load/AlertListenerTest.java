package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class AlertListenerTest {

    private final Workload workload = new Workload("t", 1_000, 20, 0);

    @Test
    void aHitsDetailsAreTimedFromTheHitAndEachHitIsCountedOnce() throws Exception {
        long[] hits = LongStream.range(0, 100).filter(workload::hits).limit(2).toArray();
        String stream = "retry: 1000\n\n"
                + hit(hits[0], "hit-1") + hit(hits[0], "hit-1") + details("hit-1")
                // details of a hit not seen on this stream, and a hit whose details never come
                + details("hit-elsewhere") + hit(hits[1], "hit-2");

        AlertListener listener = new AlertListener(workload,
                new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(listener.awaitEnd(10_000)).as("the stream read to its end").isTrue();

        assertThat(listener.hits()).isEqualTo(2);
        assertThat(listener.duplicates()).isEqualTo(1);
        assertThat(listener.unexpected()).isZero();
        assertThat(listener.detailsAfterHit().getTotalCount()).isEqualTo(1);
    }

    @Test
    void detailsThatComeBeforeTheirHitAreCountedNotTimed() throws Exception {
        long[] hits = LongStream.range(0, 100).filter(workload::hits).limit(2).toArray();
        String stream = "retry: 1000\n\n"
                + details("hit-1") + hit(hits[0], "hit-1")
                // details of a hit never seen on this stream are neither
                + details("hit-elsewhere") + hit(hits[1], "hit-2") + details("hit-2");

        AlertListener listener = new AlertListener(workload,
                new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(listener.awaitEnd(10_000)).as("the stream read to its end").isTrue();

        assertThat(listener.hits()).isEqualTo(2);
        assertThat(listener.detailsBeforeHit()).isEqualTo(1);
        assertThat(listener.detailsAfterHit().getTotalCount()).isEqualTo(1);
    }

    @Test
    void theReadsPostedOverRestAreAlsoTimedApart() throws Exception {
        long[] hits = LongStream.range(0, 100).filter(workload::hits).limit(2).toArray();
        PipedOutputStream camera = new PipedOutputStream();
        AlertListener listener = new AlertListener(workload, new PipedInputStream(camera), true);
        listener.postedOverRest(n -> n == hits[1]);
        listener.sent(hits[0]);
        listener.sent(hits[1]);
        camera.write((hit(hits[0], "hit-1") + hit(hits[1], "hit-2")).getBytes(StandardCharsets.UTF_8));
        camera.close();
        assertThat(listener.awaitEnd(10_000)).as("the stream read to its end").isTrue();

        assertThat(listener.latencies().getTotalCount()).isEqualTo(2);
        assertThat(listener.overRest().getTotalCount()).isEqualTo(1);
    }

    private String hit(long n, String id) {
        return "event: hit\ndata: {\"alert\":{\"id\":\"" + id + "\",\"read\":{\"id\":\"" + workload.readId(n)
                + "\"},\"raisedAt\":\"2026-11-22T10:00:00Z\"}}\n\n";
    }

    private static String details(String hitId) {
        return "event: hit_details\ndata: {\"alert\":{\"hitId\":\"" + hitId + "\"}}\n\n";
    }
}
