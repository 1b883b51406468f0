package org.atalaya.store.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.atalaya.api.anpr.PlateReadRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the plate reads older than the retention period: the hub keeps a read of a plate that
 * is not listed no longer than the law allows.
 */
final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final PlateReadRepository reads;
    private final int retentionDays;
    private final Clock clock;

    RetentionPurge(PlateReadRepository reads, int retentionDays, Clock clock) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1: " + retentionDays);
        }
        this.reads = reads;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** Deletes the reads captured before now minus the retention period; returns how many. */
    int run() {
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(retentionDays));
        int deleted = reads.purge(before);
        LOG.info("Retention purge: deleted {} plate reads captured before {} (retention {} days)", deleted, before,
                retentionDays);
        return deleted;
    }
}
