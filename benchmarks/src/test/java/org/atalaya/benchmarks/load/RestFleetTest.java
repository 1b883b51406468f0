package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RestFleetTest {

    @Test
    void aCameraPostsTogetherTheReadsMadeWhileItsLastPostWasOnItsWay() throws Exception {
        BlockingQueue<long[]> posts = new LinkedBlockingQueue<>();
        CountDownLatch answer = new CountDownLatch(1);
        List<Long> accepted = new CopyOnWriteArrayList<>();
        try (RestFleet fleet = new RestFleet(reads -> {
            posts.add(reads);
            if (reads[0] == 0) {
                answer.await();
            }
            return true;
        }, 1, accepted::add)) {
            fleet.send(0);
            assertThat(posts.poll(10, TimeUnit.SECONDS)).containsExactly(0);
            fleet.send(1);
            fleet.send(2);
            fleet.send(3);
            answer.countDown();

            assertThat(posts.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
            assertThat(fleet.drain(10_000)).isTrue();
            assertThat(accepted).containsExactly(0L, 1L, 2L, 3L);
            assertThat(fleet.posts()).isEqualTo(2);
            assertThat(fleet.accepted()).isEqualTo(4);
        }
    }

    @Test
    void aPostTheHubDidNotAcceptIsPostedAgainWithTheSameReads() throws Exception {
        List<long[]> posts = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        List<Long> accepted = new CopyOnWriteArrayList<>();
        try (RestFleet fleet = new RestFleet(reads -> {
            posts.add(reads);
            return answers.incrementAndGet() > 1;
        }, 1, accepted::add)) {
            fleet.send(7);

            assertThat(fleet.drain(10_000)).isTrue();
            assertThat(posts).hasSize(2);
            assertThat(posts.get(1)).containsExactly(posts.get(0));
            assertThat(accepted).containsExactly(7L);
            assertThat(fleet.refused()).isEqualTo(1);
        }
    }

    @Test
    void eachCameraPostsItsOwnReadsAndNoPostHoldsMoreThanABatch() throws Exception {
        List<long[]> posts = new CopyOnWriteArrayList<>();
        CountDownLatch answer = new CountDownLatch(1);
        try (RestFleet fleet = new RestFleet(reads -> {
            posts.add(reads);
            answer.await();
            return true;
        }, 2, read -> { })) {
            for (long n = 0; n < 2 * (RestFleet.BATCH + 10); n++) {
                fleet.send(n);
            }
            answer.countDown();

            assertThat(fleet.drain(10_000)).isTrue();
            assertThat(posts).allSatisfy(reads -> {
                assertThat(reads.length).isBetween(1, RestFleet.BATCH);
                assertThat(Arrays.stream(reads).map(n -> n % 2).distinct()).hasSize(1);
            });
            assertThat(posts.stream().mapToInt(reads -> reads.length).sum()).isEqualTo(2 * (RestFleet.BATCH + 10));
        }
    }
}
