package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.atalaya.api.anpr.VehicleRegistryLink.Status;
import org.atalaya.api.anpr.VehicleRegistryLink.SyncReport;
import org.junit.jupiter.api.Test;

class RegistryTextTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:15:30Z");

    @Test
    void aLinkInStepShowsEveryFieldInOrder() {
        Status status = new Status("interior-ministry", "https://registry.interior.example/vehicle-registry/v1", 1042,
                1045, 1_249_310, Instant.parse("2026-11-21T14:10:12.345Z"), Instant.parse("2026-11-21T14:15:00Z"),
                null, false, Duration.ofMinutes(15), "CLOSED", 12);

        assertThat(RegistryText.status(status, NOW)).containsExactly(
                "Source           interior-ministry",
                "Address          https://registry.interior.example/vehicle-registry/v1",
                "Hub version      1042",
                "Registry version 1045",
                "Lag              3 versions behind, 5 min 17 s since the last sync",
                "Entries          1,249,310",
                "Last sync        2026-11-21T14:10:12Z",
                "Last attempt     2026-11-21T14:15:00Z",
                "State            in step (stale after 15 min without a successful sync)",
                "Breaker          CLOSED",
                "Hit notices      12 acknowledged by the registry since the hub started");
    }

    @Test
    void aStaleLinkSaysSoAndWhyTheLastSyncFailed() {
        Status status = new Status("interior-ministry", "https://registry.interior.example/vehicle-registry/v1", 1045,
                1045, 1_249_310, Instant.parse("2026-11-21T12:10:00Z"), Instant.parse("2026-11-21T14:15:00Z"),
                "SocketTimeoutException: Read timed out", true, Duration.ofMinutes(15), "OPEN", 0);

        assertThat(RegistryText.status(status, NOW)).contains(
                "Lag              0 versions behind, 2 h 5 min since the last sync",
                "Last failure     SocketTimeoutException: Read timed out",
                "State            STALE: no successful sync for more than 15 min",
                "Breaker          OPEN (the registry is not called until it half-opens)");
    }

    @Test
    void aLinkThatNeverSyncedSaysSoRatherThanShowingZeros() {
        Status status = new Status("interior-ministry", "http://127.0.0.1:8190/vehicle-registry/v1", 0, 0, 0, null,
                null, null, true, Duration.ofSeconds(900), "HALF_OPEN", 1);

        assertThat(RegistryText.status(status, NOW)).containsExactly(
                "Source           interior-ministry",
                "Address          http://127.0.0.1:8190/vehicle-registry/v1",
                "Hub version      none (no list loaded)",
                "Registry version not known (not asked yet)",
                "Lag              versions behind not known, never synced",
                "Entries          0",
                "Last sync        never",
                "Last attempt     none since the hub started",
                "State            STALE: no successful sync for more than 15 min",
                "Breaker          HALF_OPEN (a few calls try the registry again)",
                "Hit notices      1 acknowledged by the registry since the hub started");
    }

    @Test
    void aReportShowsTheKindTheVersionsAndTheCounts() {
        SyncReport snapshot = new SyncReport("SNAPSHOT", 0, 1045, 1_249_310, 0, 0, 12, 1_249_310,
                Duration.ofMillis(41_830));

        assertThat(RegistryText.report(snapshot)).containsExactly(
                "SNAPSHOT: version 0 \u2192 1045 in 41.8 s",
                "1,249,310 added, 0 updated, 0 removed, 12 rejected; 1,249,310 entries listed");
    }

    @Test
    void aConfirmedVersionSaysNothingWasNew() {
        SyncReport confirmed = new SyncReport("CONFIRMED", 1045, 1045, 0, 0, 0, 0, 1, Duration.ofMillis(250));

        assertThat(RegistryText.report(confirmed)).containsExactly(
                "CONFIRMED: version 1045 \u2192 1045 in 0.3 s, nothing new",
                "0 added, 0 updated, 0 removed, 0 rejected; 1 entry listed");
    }

    @Test
    void theProgressLineCountsEntriesLoaded() {
        assertThat(RegistryText.loaded(200_000)).isEqualTo("Loaded 200,000 entries\u2026");
        assertThat(RegistryText.loaded(1)).isEqualTo("Loaded 1 entry\u2026");
    }

    @Test
    void aFailureIsItsExceptionsMessageOrElseItsKind() {
        assertThat(RegistryText.failed(new IOException("connect timed out"))).isEqualTo(
                "the sync failed: connect timed out (what was applied before the failure stays applied)");
        assertThat(RegistryText.failed(new IllegalStateException())).isEqualTo(
                "the sync failed: IllegalStateException (what was applied before the failure stays applied)");
    }

    @Test
    void anAgeIsItsTwoLargestUnits() {
        assertThat(RegistryText.age(Duration.ZERO)).isEqualTo("0 s");
        assertThat(RegistryText.age(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(RegistryText.age(Duration.ofSeconds(303))).isEqualTo("5 min 3 s");
        assertThat(RegistryText.age(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(RegistryText.age(Duration.ofMinutes(125).plusSeconds(59))).isEqualTo("2 h 5 min");
        assertThat(RegistryText.age(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(RegistryText.age(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }
}
