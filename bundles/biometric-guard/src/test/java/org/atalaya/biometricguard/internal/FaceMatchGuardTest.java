package org.atalaya.biometricguard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.Confirmation;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.MatchState;
import org.atalaya.api.face.Official;
import org.atalaya.api.security.DataClass;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaceMatchGuardTest extends DatabaseTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String POLICE = "national-police";
    private static final String JUSTICE = "justice";
    private static final Official JUDGE = new Official("juez-ceuta-3", JUSTICE);
    private static final Official AGENT = new Official("agente-0417", POLICE);
    private static final Official PARTNER = new Official("agente-0932", POLICE);
    private static final String ENTRY = "wl-interpol-7731";
    private static final String CAMERA = "puerto-acceso-1";

    private final SteppingClock clock = new SteppingClock(T0);
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private FaceMatchGuard guard;
    private int sequence;

    @BeforeEach
    void startGuard() {
        guard = new FaceMatchGuard(database, audit, clock, new GuardSettings(Duration.ofMinutes(10),
                Duration.ofHours(24), POLICE, JUSTICE, 2));
    }

    @AfterEach
    void auditNeverNamesAWatchlistEntryOrAnImage() {
        for (AuditEntry entry : audit.entries()) {
            assertThat(entry.dataClass()).isEqualTo(DataClass.FACE_MATCHES.id());
            String text = entry.toString();
            assertThat(text).doesNotContain("wl-").doesNotContain("https://").doesNotContain("frame-");
        }
    }

    @Test
    void aMatchNoAuthorisationCoversIsHeldNeverDeliveredAndDeletedWhenTheHoldWindowEnds() {
        FaceMatch match = match(CAMERA, ENTRY, T0);

        assertThat(guard.accept(match)).isEqualTo(Intake.HELD);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        guard.sweep();

        assertThat(held()).containsExactly(match.id());
        assertThat(delivered()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        guard.sweep();

        assertThat(held()).isEmpty();
        assertThat(audit.entries(GuardAudit.HOLD_EXPIRY)).singleElement()
                .satisfies(entry -> assertThat(entry.subjects()).containsExactly(match.id()));
        // an authorisation that comes after the window finds nothing to release
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0.minusSeconds(3600), T0.plusSeconds(3600)), JUDGE);
        assertThat(delivered()).isEmpty();
        assertThat(audit.entries(GuardAudit.DELIVER)).isEmpty();
    }

    @Test
    void aHeldMatchPastItsWindowIsNeverReleasedEvenBeforeTheSweepDeletesIt() {
        guard.accept(match(CAMERA, ENTRY, T0));
        clock.advance(Duration.ofMinutes(11));

        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0.minusSeconds(3600), T0.plusSeconds(3600)), JUDGE);

        assertThat(delivered()).isEmpty();
    }

    @Test
    void anAuthorisationArrivingWithinTheWindowReleasesTheHeldMatchesItCovers() {
        FaceMatch covered = match(CAMERA, ENTRY, T0);
        FaceMatch otherPerson = match(CAMERA, "wl-interpol-0001", T0);
        guard.accept(covered);
        guard.accept(otherPerson);
        clock.advance(Duration.ofMinutes(5));

        Authorisation authorisation = guard.register(request(List.of(ENTRY), List.of(CAMERA, "tarajal-2"),
                T0.minusSeconds(600), T0.plusSeconds(7200)), JUDGE);

        assertThat(authorisation.status()).isEqualTo(AuthorisationStatus.GRANTED);
        assertThat(authorisation.decidedBy()).isEqualTo(JUDGE.person());
        assertThat(delivered()).singleElement().satisfies(delivered -> {
            assertThat(delivered.match()).isEqualTo(covered);
            assertThat(delivered.authorisationId()).isEqualTo(authorisation.id());
            assertThat(delivered.state()).isEqualTo(MatchState.PENDING_VERIFICATION);
            assertThat(delivered.deliveredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        });
        assertThat(held()).containsExactly(otherPerson.id());
        assertThat(audit.entries(GuardAudit.REGISTER)).singleElement().satisfies(entry -> {
            assertThat(entry.agency()).isEqualTo(JUSTICE);
            assertThat(entry.person()).isEqualTo(JUDGE.person());
            assertThat(entry.subjects()).containsExactly(authorisation.id());
            assertThat(entry.caseReference()).isEqualTo("JI-3-CEUTA-2026-0412");
        });
        assertThat(audit.entries(GuardAudit.DELIVER)).singleElement().satisfies(entry -> {
            assertThat(entry.subjects()).containsExactly(covered.id());
            assertThat(entry.recipients()).containsExactly(POLICE);
            assertThat(entry.outcome()).isEqualTo("allowed");
        });
    }

    @Test
    void anUrgentRequestDeliversAtOncePendingVerification() {
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)),
                AGENT);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));

        assertThat(guard.accept(match)).isEqualTo(Intake.DELIVERED);

        assertThat(urgent.status()).isEqualTo(AuthorisationStatus.REQUESTED_URGENT);
        assertThat(urgent.decisionDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(urgent.requestedBy()).isEqualTo(AGENT.person());
        assertThat(urgent.requestingAgency()).isEqualTo(POLICE);
        assertThat(urgent.decidedBy()).isNull();
        assertThat(guard.match(POLICE, match.id())).hasValueSatisfying(delivered -> {
            assertThat(delivered.state()).isEqualTo(MatchState.PENDING_VERIFICATION);
            assertThat(delivered.authorisationId()).isEqualTo(urgent.id());
            assertThat(delivered.confirmations()).isEmpty();
        });
        assertThat(audit.entries(GuardAudit.REQUEST_URGENT)).singleElement()
                .satisfies(entry -> assertThat(entry.agency()).isEqualTo(POLICE));
    }

    @Test
    void aMatchBecomesActionableOnlyWhenTwoDistinctPeopleConfirmIt() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)), JUDGE);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        guard.accept(match);

        clock.advance(Duration.ofMinutes(1));
        DeliveredMatch once = guard.confirm(match.id(), AGENT);
        assertThat(once.state()).isEqualTo(MatchState.PENDING_VERIFICATION);
        assertThat(once.confirmations()).containsExactly(new Confirmation(AGENT.person(), POLICE, clock.instant()));

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> guard.confirm(match.id(), AGENT)).isInstanceOfSatisfying(GuardRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.CONFLICT))
                .hasMessageContaining("another person must verify it");
        assertThat(guard.match(POLICE, match.id()).orElseThrow().state()).isEqualTo(MatchState.PENDING_VERIFICATION);

        DeliveredMatch twice = guard.confirm(match.id(), PARTNER);
        assertThat(twice.state()).isEqualTo(MatchState.ACTIONABLE);
        assertThat(twice.confirmations()).extracting(Confirmation::person)
                .containsExactly(AGENT.person(), PARTNER.person());
        assertThat(audit.entries(GuardAudit.CONFIRM)).extracting(AuditEntry::detail)
                .containsExactly("confirmation 1 of 2: PENDING_VERIFICATION", "confirmation 2 of 2: ACTIONABLE");
    }

    @Test
    void onlyPeopleOfTheRecipientSeeOrConfirmAMatch() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)), JUDGE);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        guard.accept(match);

        assertThatThrownBy(() -> guard.confirm(match.id(), new Official("agente-local-12", "local-police")))
                .isInstanceOfSatisfying(GuardRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.NOT_FOUND))
                .hasMessageContaining("confirmed by, national-police only");
        assertThat(guard.matches("local-police", new MatchQuery(null, null, 0, 10))).isEmpty();
        assertThat(guard.match("justice", match.id())).isEmpty();
        assertThatThrownBy(() -> guard.confirm("no-such-match", AGENT)).isInstanceOfSatisfying(GuardRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.NOT_FOUND));
        assertThat(guard.match(POLICE, match.id()).orElseThrow().confirmations()).isEmpty();
    }

    @Test
    void aRefusalPurgesHeldMatchesDeliveredMatchesAndConfirmationsAndThePurgeIsAudited() {
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)),
                AGENT);
        FaceMatch first = match(CAMERA, ENTRY, T0.plusSeconds(10));
        FaceMatch second = match(CAMERA, ENTRY, T0.plusSeconds(20));
        guard.accept(first);
        guard.accept(second);
        guard.confirm(first.id(), AGENT);
        audit.failing(true); // its delivery waits on hold for the audit log
        FaceMatch waiting = match(CAMERA, ENTRY, T0.plusSeconds(30));
        assertThat(guard.accept(waiting)).isEqualTo(Intake.HELD);
        audit.failing(false);
        FaceMatch outOfScope = match("tarajal-2", ENTRY, T0.plusSeconds(30));
        guard.accept(outOfScope);
        clock.advance(Duration.ofHours(2));

        Authorisation refused = guard.refuse(urgent.id(), JUDGE);

        assertThat(refused.status()).isEqualTo(AuthorisationStatus.REFUSED);
        assertThat(refused.decidedBy()).isEqualTo(JUDGE.person());
        assertThat(refused.decidedAt()).isEqualTo(clock.instant());
        assertThat(delivered()).isEmpty();
        assertThat(count("face_match_confirmation")).isZero();
        assertThat(held()).containsExactly(outOfScope.id());
        assertThat(audit.entries(GuardAudit.REFUSE)).singleElement().satisfies(entry -> {
            assertThat(entry.person()).isEqualTo(JUDGE.person());
            assertThat(entry.subjects()).containsExactly(urgent.id());
        });
        assertThat(audit.entries(GuardAudit.PURGE)).singleElement().satisfies(entry -> {
            assertThat(entry.agency()).isEqualTo(JUSTICE);
            assertThat(entry.person()).isEqualTo(JUDGE.person());
            assertThat(entry.subjects()).containsExactly(first.id(), second.id(), waiting.id());
            assertThat(entry.caseReference()).isEqualTo(urgent.judicialReference());
            assertThat(entry.detail()).contains(urgent.id())
                    .contains("2 delivered matches, 1 confirmations and 1 held matches");
        });
        // it covers nothing any more
        assertThat(guard.accept(match(CAMERA, ENTRY, T0.plusSeconds(3600)))).isEqualTo(Intake.HELD);
    }

    @Test
    void anUrgentRequestNotGrantedWithin24HoursLapsesAndWhatItDeliveredIsPurged() {
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0,
                T0.plus(Duration.ofDays(3))), AGENT);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        guard.accept(match);
        guard.confirm(match.id(), AGENT);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        guard.sweep();
        assertThat(delivered()).hasSize(1);
        assertThat(guard.accept(match(CAMERA, ENTRY, clock.instant()))).isEqualTo(Intake.DELIVERED);

        clock.advance(Duration.ofSeconds(1));
        guard.sweep();

        assertThat(guard.authorisation(JUSTICE, urgent.id())).hasValueSatisfying(lapsed -> {
            assertThat(lapsed.status()).isEqualTo(AuthorisationStatus.EXPIRED);
            assertThat(lapsed.decidedBy()).isEqualTo(GuardAudit.GUARD.person());
        });
        assertThat(delivered()).isEmpty();
        assertThat(count("face_match_confirmation")).isZero();
        assertThat(audit.entries(GuardAudit.EXPIRE)).hasSize(1);
        assertThat(audit.entries(GuardAudit.PURGE)).singleElement().satisfies(entry -> {
            assertThat(entry.person()).isEqualTo(GuardAudit.GUARD.person());
            assertThat(entry.subjects()).hasSize(2).contains(match.id());
            assertThat(entry.detail()).contains("EXPIRED").contains("2 delivered matches, 1 confirmations");
        });
        assertThatThrownBy(() -> guard.grant(urgent.id(), "AUTO-77/2026", JUDGE))
                .isInstanceOfSatisfying(GuardRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.CONFLICT));
    }

    @Test
    void theDeadlineHoldsOnEveryCallWhateverTheSweepDid() {
        guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plus(Duration.ofDays(3))), AGENT);
        guard.accept(match(CAMERA, ENTRY, T0.plusSeconds(60)));

        clock.advance(Duration.ofHours(25));

        assertThat(delivered()).isEmpty();
        assertThat(guard.accept(match(CAMERA, ENTRY, clock.instant()))).isEqualTo(Intake.HELD);
    }

    @Test
    void aGrantedUrgentRequestTakesTheCourtOrderAndKeepsCoveringAfter24Hours() {
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0,
                T0.plus(Duration.ofDays(7))), AGENT);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        guard.accept(match);
        clock.advance(Duration.ofHours(20));

        Authorisation granted = guard.grant(urgent.id(), "AUTO-77/2026", JUDGE);
        clock.advance(Duration.ofHours(10));
        guard.sweep();

        assertThat(granted.status()).isEqualTo(AuthorisationStatus.GRANTED);
        assertThat(granted.judicialReference()).isEqualTo("AUTO-77/2026");
        assertThat(granted.decidedBy()).isEqualTo(JUDGE.person());
        assertThat(delivered()).extracting(delivered -> delivered.match().id()).containsExactly(match.id());
        assertThat(guard.accept(match(CAMERA, ENTRY, clock.instant()))).isEqualTo(Intake.DELIVERED);
        assertThat(audit.entries(GuardAudit.GRANT)).singleElement()
                .satisfies(entry -> assertThat(entry.caseReference()).isEqualTo("AUTO-77/2026"));
        assertThatThrownBy(() -> guard.refuse(urgent.id(), JUDGE)).isInstanceOfSatisfying(GuardRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.CONFLICT));
    }

    static Stream<Arguments> outsideTheAuthorisation() {
        return Stream.of(
                Arguments.of("another camera", "tarajal-2", ENTRY, T0.plusSeconds(60)),
                Arguments.of("another watchlist entry", CAMERA, "wl-interpol-0001", T0.plusSeconds(60)),
                Arguments.of("before its period", CAMERA, ENTRY, T0.minusSeconds(1)),
                Arguments.of("at the end of its period", CAMERA, ENTRY, T0.plusSeconds(3600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideTheAuthorisation")
    void aMatchOutsideTheAuthorisationsCamerasEntriesOrPeriodIsHeld(String what, String camera, String entry,
            Instant capturedAt) {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(3600)), JUDGE);

        assertThat(guard.accept(match(camera, entry, capturedAt))).isEqualTo(Intake.HELD);
        assertThat(delivered()).isEmpty();
    }

    @Test
    void whenTheAuditLogCannotRecordADeliveryNothingIsDeliveredUntilItCan() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(3600)), JUDGE);
        audit.failing(true);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));

        assertThat(guard.accept(match)).isEqualTo(Intake.HELD);
        guard.sweep();

        assertThat(delivered()).isEmpty();
        assertThat(held()).containsExactly(match.id());
        assertThat(audit.entries(GuardAudit.DELIVER)).isEmpty();

        audit.failing(false);
        guard.sweep();

        assertThat(delivered()).extracting(delivered -> delivered.match().id()).containsExactly(match.id());
        assertThat(held()).isEmpty();
        assertThat(audit.entries(GuardAudit.DELIVER)).hasSize(1);
    }

    @Test
    void whenTheAuditLogCannotRecordADecisionOrAConfirmationItIsNotMade() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(3600)), JUDGE);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        guard.accept(match);
        audit.failing(true);

        assertThatThrownBy(() -> guard.requestUrgent(request(List.of("wl-other"), List.of(CAMERA), T0,
                T0.plusSeconds(60)), AGENT)).isInstanceOfSatisfying(GuardRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.UNAVAILABLE));
        assertThatThrownBy(() -> guard.confirm(match.id(), AGENT)).isInstanceOfSatisfying(GuardRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(GuardRefusal.Reason.UNAVAILABLE));

        assertThat(guard.authorisations(POLICE, null)).hasSize(1);
        assertThat(guard.match(POLICE, match.id()).orElseThrow().confirmations()).isEmpty();
    }

    @Test
    void aRefusalPurgesEvenWhenTheAuditLogCannotRecordIt() {
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)),
                AGENT);
        guard.accept(match(CAMERA, ENTRY, T0.plusSeconds(10)));
        audit.failing(true);

        assertThat(guard.refuse(urgent.id(), JUDGE).status()).isEqualTo(AuthorisationStatus.REFUSED);

        assertThat(delivered()).isEmpty();
    }

    @Test
    void aRefusedUrgentRequestTakesNothingAGrantedAuthorisationDelivered() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(7200)), JUDGE);
        Authorisation urgent = guard.requestUrgent(request(List.of(ENTRY, "wl-interpol-0001"), List.of(CAMERA), T0,
                T0.plusSeconds(7200)), AGENT);
        FaceMatch underTheOrder = match(CAMERA, ENTRY, T0.plusSeconds(10));
        FaceMatch underTheRequest = match(CAMERA, "wl-interpol-0001", T0.plusSeconds(10));
        guard.accept(underTheOrder);
        guard.accept(underTheRequest);

        guard.refuse(urgent.id(), JUDGE);

        assertThat(delivered()).extracting(delivered -> delivered.match().id()).containsExactly(underTheOrder.id());
    }

    @Test
    void aRedeliveredMatchIsTakenOnce() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(3600)), JUDGE);
        FaceMatch match = match(CAMERA, ENTRY, T0.plusSeconds(60));
        FaceMatch heldMatch = match("tarajal-2", ENTRY, T0.plusSeconds(60));

        assertThat(guard.accept(match)).isEqualTo(Intake.DELIVERED);
        assertThat(guard.accept(match)).isEqualTo(Intake.DUPLICATE);
        assertThat(guard.accept(heldMatch)).isEqualTo(Intake.HELD);
        assertThat(guard.accept(heldMatch)).isEqualTo(Intake.DUPLICATE);

        assertThat(delivered()).hasSize(1);
        assertThat(audit.entries(GuardAudit.DELIVER)).hasSize(1);
    }

    @Test
    void eachPartyDoesOnlyItsOwnPart() {
        AuthorisationRequest request = request(List.of(ENTRY), List.of(CAMERA), T0, T0.plusSeconds(3600));
        assertRefused(() -> guard.register(request, AGENT), GuardRefusal.Reason.FORBIDDEN);
        assertRefused(() -> guard.requestUrgent(request, JUDGE), GuardRefusal.Reason.FORBIDDEN);
        assertRefused(() -> guard.requestUrgent(request, new Official("agente-local-12", "local-police")),
                GuardRefusal.Reason.FORBIDDEN);
        Authorisation urgent = guard.requestUrgent(request, AGENT);
        assertRefused(() -> guard.grant(urgent.id(), null, AGENT), GuardRefusal.Reason.FORBIDDEN);
        assertRefused(() -> guard.refuse(urgent.id(), AGENT), GuardRefusal.Reason.FORBIDDEN);
        assertRefused(() -> guard.grant("no-such-authorisation", null, JUDGE), GuardRefusal.Reason.NOT_FOUND);
        assertRefused(() -> guard.refuse("no-such-authorisation", AGENT), GuardRefusal.Reason.NOT_FOUND);
        assertRefused(() -> guard.authorisations("local-police", null), GuardRefusal.Reason.FORBIDDEN);
        assertThat(guard.authorisations(JUSTICE, AuthorisationStatus.REQUESTED_URGENT)).extracting(Authorisation::id)
                .containsExactly(urgent.id());
        assertThat(guard.authorisations(POLICE, AuthorisationStatus.GRANTED)).isEmpty();
    }

    @Test
    void refusesAuthorisationsThatNameNoOneOrNameThingsWrong() {
        assertThatThrownBy(() -> request(List.of(), List.of(CAMERA), T0, T0.plusSeconds(60)))
                .hasMessageContaining("no blanket authorisation");
        assertThatThrownBy(() -> request(List.of(ENTRY), List.of(), T0, T0.plusSeconds(60)))
                .hasMessageContaining("no blanket authorisation");
        assertThatThrownBy(() -> request(List.of(ENTRY), List.of(CAMERA), T0, T0))
                .hasMessageContaining("validUntil must be after validFrom");
        assertThatThrownBy(() -> guard.register(request(List.of(ENTRY), List.of("camera 1"), T0, T0.plusSeconds(60)),
                JUDGE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera id");
        assertThatThrownBy(() -> guard.register(new AuthorisationRequest("JI-1", List.of(ENTRY), List.of(CAMERA), T0,
                T0.plusSeconds(60), "Terrorism!"), JUDGE)).hasMessageContaining("offenceCategory");
        assertThat(guard.authorisations(JUSTICE, null)).isEmpty();
    }

    @Test
    void listsTheRecipientsMatchesNewestFirstInPagesByStateAndTime() {
        guard.register(request(List.of(ENTRY), List.of(CAMERA), T0, T0.plus(Duration.ofDays(1))), JUDGE);
        for (int i = 0; i < 5; i++) {
            guard.accept(match(CAMERA, ENTRY, clock.instant()));
            clock.advance(Duration.ofMinutes(1));
        }
        List<DeliveredMatch> all = guard.matches(POLICE, new MatchQuery(null, null, 0, 10));
        guard.confirm(all.get(4).match().id(), AGENT);
        guard.confirm(all.get(4).match().id(), PARTNER);

        List<DeliveredMatch> first = guard.matches(POLICE, new MatchQuery(null, null, 0, 2));
        List<DeliveredMatch> second = guard.matches(POLICE, new MatchQuery(null, null, first.get(1).sequence(), 2));

        assertThat(all).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b.sequence(), a.sequence()));
        assertThat(first).extracting(DeliveredMatch::sequence).containsExactly(all.get(0).sequence(),
                all.get(1).sequence());
        assertThat(second).extracting(DeliveredMatch::sequence).containsExactly(all.get(2).sequence(),
                all.get(3).sequence());
        assertThat(guard.matches(POLICE, new MatchQuery(MatchState.ACTIONABLE, null, 0, 10)))
                .extracting(DeliveredMatch::sequence).containsExactly(all.get(4).sequence());
        assertThat(guard.matches(POLICE, new MatchQuery(null, T0.plus(Duration.ofMinutes(3)), 0, 10))).hasSize(2);
    }

    private void assertRefused(Runnable call, GuardRefusal.Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GuardRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }

    private FaceMatch match(String camera, String entry, Instant capturedAt) {
        sequence++;
        return new FaceMatch(camera + "-" + sequence, camera, capturedAt, entry, 0.91,
                "https://vms.ceuta.example/" + camera + "/frame-" + sequence + ".jpg");
    }

    private static AuthorisationRequest request(List<String> entries, List<String> cameras, Instant from,
            Instant until) {
        return new AuthorisationRequest("JI-3-CEUTA-2026-0412", entries, cameras, from, until, "terrorism");
    }

    private List<DeliveredMatch> delivered() {
        return guard.matches(POLICE, new MatchQuery(null, null, 0, 100));
    }

    private List<String> held() {
        return database.run("list held", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM face_match_held ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
    }

    private int count(String table) {
        return database.run("count " + table, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
