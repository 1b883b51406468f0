package org.atalaya.simulators.registry.internal;

import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.atalaya.simulators.registry.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ministry's day-to-day changes to its hotlist, made on a daemon thread at a steady rate: four
 * in ten add a vehicle, four change a listed one's priority, two remove one. Which changes, in
 * which order, follows from the seed.
 */
final class ChangeFeed implements AutoCloseable {

    static final String THREAD_NAME = "atalaya-simulator-registry-changes";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final MinistryHotlist hotlist;
    private final SplittableRandom random;
    private final ScheduledThreadPoolExecutor scheduler;

    /** Starts making {@code perMinute} changes a minute (above 0). */
    ChangeFeed(MinistryHotlist hotlist, double perMinute, long seed) {
        if (!(perMinute > 0 && perMinute <= 60_000)) {
            throw new IllegalArgumentException("changesPerMinute must be 0 to 60000: " + perMinute);
        }
        this.hotlist = hotlist;
        this.random = new SplittableRandom(seed ^ 0x6368616e6765L);
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long periodMicros = Math.max(1, Math.round(60_000_000 / perMinute));
        scheduler.scheduleAtFixedRate(this::change, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void change() {
        try {
            int draw = random.nextInt(10);
            Listing listed = draw < 4 ? null : hotlist.anyListed(random);
            if (listed == null) {
                hotlist.addGenerated();
            } else if (draw < 8) {
                // raised, or lowered once it is at the top
                int priority = listed.priority() == 100 ? 90
                        : Math.min(100, listed.priority() + 1 + random.nextInt(10));
                hotlist.update(listed.withPriority(priority, listed.reason()));
            } else {
                hotlist.remove(listed.reference());
            }
        } catch (RuntimeException e) {
            // thrown out of here, it would end the schedule
            LOG.warn("Interior Ministry simulator could not change its hotlist", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Interior Ministry simulator's change feed did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
