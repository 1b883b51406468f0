package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Cameras posting reads over REST in batches ({@code POST /api/v1/anpr/reads}): the hub answers
 * {@code 202} only once every read of the batch is on the broker durably. A batch that fails is
 * posted again, with the same read ids, as a camera's client does after a timeout.
 */
public final class RestCameras {

    private final Https https;
    private final LongFunction<String> payloads;

    public RestCameras(Https https, LongFunction<String> payloads) {
        this.https = https;
        this.payloads = payloads;
    }

    /** Posts {@code reads} as one batch; true if the hub accepted them. */
    public boolean post(long[] reads) throws InterruptedException {
        StringBuilder batch = new StringBuilder(reads.length * 300).append('[');
        for (int i = 0; i < reads.length; i++) {
            batch.append(i == 0 ? "" : ",").append(payloads.apply(reads[i]));
        }
        batch.append(']');
        try {
            HttpResponse<String> answer = https.post("/api/v1/anpr/reads", "anpr-cameras", "application/json",
                    batch.toString(), Map.of());
            if (answer.statusCode() == 202) {
                return true;
            }
            if (answer.statusCode() == 400) {
                throw new IllegalStateException("the hub refused a batch of valid reads: " + answer.body());
            }
            return false;
        } catch (IOException unreachable) {
            return false;
        }
    }
}
