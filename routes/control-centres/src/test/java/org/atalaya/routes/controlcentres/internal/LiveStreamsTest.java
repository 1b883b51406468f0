package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.security.Caller;
import org.atalaya.security.rest.Consultation;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    private static final String LOCAL = "local-police";

    private final RecordingAuditLog log = new RecordingAuditLog();
    private final LiveStreams streams = new LiveStreams(LOCAL);

    @Test
    void aCaughtUpStreamHasTheDisclosureOfWhatIsStoredRecordedWithItsCallerAndPurpose() {
        LiveStreams.Stream agent = streams.open(consultation("agent-0417", "operational-response"));
        LiveStreams.Stream supervisor = streams.open(consultation("supervisor-02", "supervision"));
        agent.live(true);
        supervisor.live(true);

        streams.recordDisclosures(List.of(alert(7, "hit-7"), alert(8, "hit-8")), log);

        assertThat(log.entries()).hasSize(2);
        assertThat(log.entries()).extracting(AuditEntry::person).containsExactlyInAnyOrder("agent-0417",
                "supervisor-02");
        AuditEntry agents = log.entries().stream().filter(entry -> entry.person().equals("agent-0417")).findFirst()
                .orElseThrow();
        assertThat(agents.action()).isEqualTo("stream alerts of local-police");
        assertThat(agents.subjects()).containsExactly("hit-7", "hit-8");
        assertThat(agents.purpose()).isEqualTo("operational-response");
        assertThat(agents.outcome()).isEqualTo("allowed");
        assertThat(agents.recipients()).containsExactly(LOCAL);
        // each stream finds them recorded once: it records nothing for them, and would again if sent twice
        assertThat(agent.recorded(alert(7, "hit-7"))).isTrue();
        assertThat(agent.recorded(alert(7, "hit-7"))).isFalse();
        assertThat(supervisor.recorded(alert(8, "hit-8"))).isTrue();
    }

    @Test
    void aStreamCatchingUpOrClosedRecordsWhatItSendsItself() {
        LiveStreams.Stream behind = streams.open(consultation("agent-0417", "operational-response"));
        LiveStreams.Stream closed = streams.open(consultation("agent-0418", "operational-response"));
        closed.live(true);
        closed.close();

        streams.recordDisclosures(List.of(alert(7, "hit-7")), log);

        assertThat(log.entries()).isEmpty();
        assertThat(behind.recorded(alert(7, "hit-7"))).isFalse();
        assertThat(closed.recorded(alert(7, "hit-7"))).isFalse();
    }

    @Test
    void alertsWhoseTransactionFailedAreForgotten() {
        LiveStreams.Stream stream = streams.open(consultation("agent-0417", "operational-response"));
        stream.live(true);
        List<AgencyAlert> batch = List.of(alert(7, "hit-7"), alert(8, "hit-8"));
        streams.recordDisclosures(batch, log);

        streams.notStored(batch);

        // stored again later (the broker redelivers them), they are recorded again
        assertThat(stream.recorded(alert(7, "hit-7"))).isFalse();
        assertThat(stream.recorded(alert(8, "hit-8"))).isFalse();
    }

    @Test
    void whileAnotherTransactionAppendsToTheLogTheStreamsRecordWhatTheySendThemselves() {
        LiveStreams.Stream stream = streams.open(consultation("agent-0417", "operational-response"));
        stream.live(true);
        log.headHeld(true);

        streams.recordDisclosures(List.of(alert(7, "hit-7")), log);

        assertThat(log.entries()).isEmpty();
        assertThat(stream.recorded(alert(7, "hit-7"))).isFalse();
    }

    @Test
    void aRecordTheLogCannotStoreFailsTheStore() {
        streams.open(consultation("agent-0417", "operational-response")).live(true);
        log.failing(true);

        assertThatThrownBy(() -> streams.recordDisclosures(List.of(alert(7, "hit-7")), log))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamThatDoesNotReadWhatWasRecordedForItStopsBeingRecordedFor() {
        LiveStreams.Stream stalled = streams.open(consultation("agent-0417", "operational-response"));
        stalled.live(true);
        List<AgencyAlert> many = new ArrayList<>();
        for (int i = 0; i < LiveStreams.MOST_RECORDED_AHEAD; i++) {
            many.add(alert(i, "hit-" + i));
        }
        streams.recordDisclosures(many, log);

        streams.recordDisclosures(List.of(alert(-1, "hit-next")), log);

        assertThat(log.entries()).hasSize(1);
        assertThat(stalled.recorded(alert(-1, "hit-next"))).isFalse();
    }

    private static Consultation consultation(String person, String purpose) {
        return new Consultation(new Caller(person, Set.of(LOCAL), LOCAL), purpose, null,
                (consultation, action, subjects) -> {
                    throw new AssertionError("recorded apart from the store");
                });
    }

    private static AgencyAlert alert(long sequence, String id) {
        return new AgencyAlert(sequence, LOCAL, id, AlertKind.HIT, 90, "1234BCD", "ceu-tarajal-in",
                Instant.parse("2026-11-21T10:00:00Z"), "{}", null, null);
    }
}
