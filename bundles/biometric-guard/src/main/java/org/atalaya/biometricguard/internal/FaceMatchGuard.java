package org.atalaya.biometricguard.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.GuardRefusal.Reason;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.MatchState;
import org.atalaya.api.face.Official;
import org.atalaya.store.jdbc.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The biometric guard's rules, in plain Java on the hub's database:
 *
 * <ul>
 * <li>a match is delivered only under an authorisation in force that names its watchlist entry
 * and its camera and whose period holds its time; otherwise it is held for the hold window and
 * deleted when the window ends, unless a covering authorisation comes first;</li>
 * <li>an urgent request covers at once, until its deadline (24 hours at most); a request not
 * granted by then lapses, which counts as a refusal;</li>
 * <li>a refusal or a lapse purges every match delivered under the authorisation, their
 * confirmations and the held matches within its scope, and the purge is audited;</li>
 * <li>a delivered match is pending verification until enough distinct people of the recipient
 * agency confirm it;</li>
 * <li>every delivery, confirmation and decision is appended to the audit log in the transaction
 * that makes it, before the commit: if the log refuses, nothing is changed. A purge happens even
 * when the log refuses (the law wants the data gone), and the failure is logged.</li>
 * </ul>
 *
 * <p>Deadlines are applied on every call as well as by the component's schedule, so no answer
 * depends on when the schedule last ran. Changes are serialised: one guard per hub, and face
 * matches are rare events.
 */
final class FaceMatchGuard implements BiometricGuard {

    private static final Logger LOG = LoggerFactory.getLogger(FaceMatchGuard.class);
    private static final Pattern WATCHLIST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#/-]{0,127}");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("\\S(.{0,126}\\S)?");
    private static final Pattern OFFENCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Database database;
    private final FaceMatchStore store = new FaceMatchStore();
    private final GuardAudit audit;
    private final Clock clock;
    private final GuardSettings settings;

    FaceMatchGuard(Database database, AuditLog audit, Clock clock, GuardSettings settings) {
        this.database = database;
        this.audit = new GuardAudit(audit, clock);
        this.clock = clock;
        this.settings = settings;
    }

    // --- matches coming in ------------------------------------------------------------------

    @Override
    public synchronized Intake accept(FaceMatch match) {
        Objects.requireNonNull(match, "match");
        Instant now = clock.instant();
        lapseDue(now);
        if (database.run("look up face match " + match.id(), connection -> store.knows(connection, match.id()))) {
            LOG.debug("Face match {} is known already", match.id());
            return Intake.DUPLICATE;
        }
        Optional<Authorisation> covering = Coverage.covering(inForce(now), match, now);
        if (covering.isPresent()) {
            try {
                deliver(match, covering.get(), now);
                return Intake.DELIVERED;
            } catch (GuardRefusal unavailable) {
                LOG.warn("Face match {} held: {} Its delivery is tried again until its hold window ends.", match.id(),
                        unavailable.getMessage());
            }
        }
        Instant holdUntil = now.plus(settings.holdWindow());
        database.transaction("hold face match " + match.id(), connection -> {
            store.hold(connection, match, now, holdUntil);
            return null;
        });
        if (covering.isEmpty()) {
            LOG.info("Face match {} from camera {} held until {}: no authorisation covers it", match.id(),
                    match.cameraId(), holdUntil);
        }
        return Intake.HELD;
    }

    /** Delivers a match to the recipient, audited in the same transaction; takes it off hold. */
    private DeliveredMatch deliver(FaceMatch match, Authorisation authorisation, Instant now) {
        DeliveredMatch delivered = database.transaction("deliver face match " + match.id(), connection -> {
            DeliveredMatch stored = store.deliver(connection, match, authorisation.id(), settings.recipient(), now);
            store.deleteHeld(connection, List.of(match.id()));
            audit.record(GuardAudit.DELIVER, GuardAudit.GUARD, List.of(match.id()), authorisation.judicialReference(),
                    List.of(settings.recipient()), "delivered under authorisation " + authorisation.id() + " ("
                            + authorisation.status() + "), pending verification by "
                            + settings.confirmationsRequired() + " people");
            return stored;
        });
        LOG.info("Face match {} from camera {} delivered to {} under authorisation {}, pending verification",
                match.id(), match.cameraId(), settings.recipient(), authorisation.id());
        return delivered;
    }

    // --- authorisations ---------------------------------------------------------------------

    @Override
    public synchronized Authorisation register(AuthorisationRequest request, Official justice) {
        requireAgency(justice, settings.judicialAuthority(),
                "Only " + settings.judicialAuthority() + " registers a granted authorisation.");
        checked(request);
        Instant now = clock.instant();
        lapseDue(now);
        Authorisation authorisation = new Authorisation(UUID.randomUUID().toString(), request.judicialReference(),
                request.watchlistEntries(), request.cameras(), request.validFrom(), request.validUntil(),
                request.offenceCategory(), AuthorisationStatus.GRANTED, justice.person(), justice.agency(), now, null,
                justice.person(), now);
        create(authorisation, GuardAudit.REGISTER, justice, "granted: " + scope(authorisation));
        LOG.info("Authorisation {} ({}) registered as granted by {} of {}", authorisation.id(),
                authorisation.judicialReference(), justice.person(), justice.agency());
        releaseHeld(now);
        return find(authorisation.id());
    }

    @Override
    public synchronized Authorisation requestUrgent(AuthorisationRequest request, Official police) {
        requireAgency(police, settings.recipient(),
                "Only " + settings.recipient() + " requests an authorisation in urgency.");
        checked(request);
        Instant now = clock.instant();
        lapseDue(now);
        Instant due = now.plus(settings.urgentLimit());
        Authorisation authorisation = new Authorisation(UUID.randomUUID().toString(), request.judicialReference(),
                request.watchlistEntries(), request.cameras(), request.validFrom(), request.validUntil(),
                request.offenceCategory(), AuthorisationStatus.REQUESTED_URGENT, police.person(), police.agency(), now,
                due, null, null);
        create(authorisation, GuardAudit.REQUEST_URGENT, police,
                "requested in urgency, lapses at " + due + " unless granted: " + scope(authorisation));
        LOG.warn("Urgent authorisation {} ({}) requested by {} of {}: matches it covers are delivered until {} unless"
                + " {} grants it", authorisation.id(), authorisation.judicialReference(), police.person(),
                police.agency(), due, settings.judicialAuthority());
        releaseHeld(now);
        return find(authorisation.id());
    }

    private void create(Authorisation authorisation, String action, Official by, String detail) {
        database.transaction("store authorisation " + authorisation.id(), connection -> {
            store.insert(connection, authorisation);
            audit.record(action, by, List.of(authorisation.id()), authorisation.judicialReference(), List.of(), detail);
            return null;
        });
    }

    @Override
    public synchronized Authorisation grant(String authorisationId, String courtOrder, Official justice) {
        String reference = courtOrder == null || courtOrder.isBlank() ? null : courtOrder.strip();
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("the court order reference must be 1-128 characters");
        }
        Instant now = clock.instant();
        lapseDue(now);
        Authorisation urgent = undecided(authorisationId, justice, "grants");
        database.transaction("grant authorisation " + authorisationId, connection -> {
            store.decide(connection, authorisationId, AuthorisationStatus.GRANTED, reference, justice.person(), now);
            audit.record(GuardAudit.GRANT, justice, List.of(authorisationId),
                    reference == null ? urgent.judicialReference() : reference, List.of(),
                    "urgent request " + urgent.judicialReference() + " granted"
                            + (reference == null ? "" : " by court order " + reference));
            return null;
        });
        LOG.info("Authorisation {} granted by {} of {}", authorisationId, justice.person(), justice.agency());
        releaseHeld(now);
        return find(authorisationId);
    }

    @Override
    public synchronized Authorisation refuse(String authorisationId, Official justice) {
        Instant now = clock.instant();
        lapseDue(now);
        purge(undecided(authorisationId, justice, "refuses"), AuthorisationStatus.REFUSED, justice, now);
        return find(authorisationId);
    }

    /**
     * The urgent request awaiting a decision by the judicial authority, or the refusal that says
     * why it is not one: none by that id, not the caller's to decide, decided already.
     */
    private Authorisation undecided(String authorisationId, Official judge, String decides) {
        Authorisation authorisation = database.run("find authorisation " + authorisationId,
                connection -> store.authorisation(connection, authorisationId))
                .orElseThrow(() -> new GuardRefusal(Reason.NOT_FOUND, "There is no authorisation " + authorisationId));
        requireAgency(judge, settings.judicialAuthority(),
                "Only " + settings.judicialAuthority() + " " + decides + " an authorisation.");
        if (authorisation.status() != AuthorisationStatus.REQUESTED_URGENT) {
            throw new GuardRefusal(Reason.CONFLICT, "Authorisation " + authorisationId + " is "
                    + authorisation.status() + (authorisation.decidedAt() == null ? "" : " since "
                    + authorisation.decidedAt()) + ": only an urgent request awaiting a decision may be decided.");
        }
        return authorisation;
    }

    @Override
    public synchronized List<Authorisation> authorisations(String agency, AuthorisationStatus status) {
        requireParty(agency);
        lapseDue(clock.instant());
        return database.run("list authorisations", connection -> store.authorisations(connection, status));
    }

    @Override
    public synchronized Optional<Authorisation> authorisation(String agency, String authorisationId) {
        requireParty(agency);
        lapseDue(clock.instant());
        return database.run("find authorisation " + authorisationId,
                connection -> store.authorisation(connection, authorisationId));
    }

    // --- delivered matches ------------------------------------------------------------------

    /** Only the recipient is ever delivered a match; to any other agency the list is empty. */
    @Override
    public synchronized List<DeliveredMatch> matches(String agency, MatchQuery query) {
        lapseDue(clock.instant());
        return database.run("list the face matches of " + agency, connection -> store.delivered(connection, agency,
                query));
    }

    @Override
    public synchronized Optional<DeliveredMatch> match(String agency, String matchId) {
        lapseDue(clock.instant());
        return database.run("find face match " + matchId, connection -> store.delivered(connection, agency, matchId));
    }

    @Override
    public synchronized DeliveredMatch confirm(String matchId, Official verifier) {
        Objects.requireNonNull(verifier, "verifier");
        if (!settings.recipient().equals(verifier.agency())) {
            // to any other agency, no match exists: matches are delivered to the recipient only
            throw new GuardRefusal(Reason.NOT_FOUND, "There is no face match " + matchId + " delivered to "
                    + verifier.agency() + ": face matches are delivered to, and confirmed by, "
                    + settings.recipient() + " only.");
        }
        Instant now = clock.instant();
        lapseDue(now);
        DeliveredMatch confirmed = database.transaction("confirm face match " + matchId, connection -> {
            DeliveredMatch match = store.delivered(connection, settings.recipient(), matchId)
                    .orElseThrow(() -> new GuardRefusal(Reason.NOT_FOUND, "There is no face match " + matchId
                            + " delivered to " + settings.recipient()));
            if (!store.confirm(connection, match.sequence(), verifier.person(), verifier.agency(), now)) {
                throw new GuardRefusal(Reason.CONFLICT, verifier.person() + " has confirmed face match " + matchId
                        + " already: another person must verify it.");
            }
            int confirmations = match.confirmations().size() + 1;
            MatchState state = confirmations >= settings.confirmationsRequired() ? MatchState.ACTIONABLE
                    : MatchState.PENDING_VERIFICATION;
            if (state != match.state()) {
                store.state(connection, match.sequence(), state);
            }
            String reference = store.authorisation(connection, match.authorisationId())
                    .map(Authorisation::judicialReference).orElse(null);
            audit.record(GuardAudit.CONFIRM, verifier, List.of(matchId), reference, List.of(),
                    "confirmation " + confirmations + " of " + settings.confirmationsRequired() + ": " + state);
            return store.delivered(connection, settings.recipient(), matchId).orElseThrow();
        });
        LOG.info("Face match {} confirmed by {} of {}: {} confirmations, {}", matchId, verifier.person(),
                verifier.agency(), confirmed.confirmations().size(), confirmed.state());
        return confirmed;
    }

    @Override
    public String recipient() {
        return settings.recipient();
    }

    @Override
    public String judicialAuthority() {
        return settings.judicialAuthority();
    }

    @Override
    public int confirmationsRequired() {
        return settings.confirmationsRequired();
    }

    // --- deadlines ----------------------------------------------------------------------------

    /**
     * What the schedule runs: lets urgent requests past their deadline lapse (and purges what
     * they delivered), delivers held matches an authorisation now covers (their delivery waited
     * for the audit log), and deletes held matches at the end of their hold window.
     */
    synchronized void sweep() {
        Instant now = clock.instant();
        lapseDue(now);
        releaseHeld(now);
        deleteHeldPast(now);
    }

    private void lapseDue(Instant now) {
        List<Authorisation> due = database.run("find urgent requests past their deadline",
                connection -> store.urgentDue(connection, now));
        for (Authorisation authorisation : due) {
            LOG.warn("Urgent authorisation {} ({}) was not granted by its deadline {}: it lapses as refused",
                    authorisation.id(), authorisation.judicialReference(), authorisation.decisionDue());
            purge(authorisation, AuthorisationStatus.EXPIRED, GuardAudit.GUARD, now);
        }
    }

    /** Delivers every held match an authorisation in force covers; stops while the audit log refuses. */
    private void releaseHeld(Instant now) {
        List<FaceMatchStore.Held> held = database.run("list held face matches", connection -> store.held(connection,
                now));
        if (held.isEmpty()) {
            return;
        }
        List<Authorisation> inForce = inForce(now);
        for (FaceMatchStore.Held waiting : held) {
            Optional<Authorisation> covering = Coverage.covering(inForce, waiting.match(), now);
            if (covering.isPresent()) {
                try {
                    deliver(waiting.match(), covering.get(), now);
                } catch (GuardRefusal unavailable) {
                    LOG.warn("Held face matches stay held: {}", unavailable.getMessage());
                    return;
                }
            }
        }
    }

    private void deleteHeldPast(Instant now) {
        List<String> ids = database.run("find held face matches past their window",
                connection -> store.heldPast(connection, now));
        if (ids.isEmpty()) {
            return;
        }
        String detail = ids.size() + " held matches deleted: no authorisation covered them within the "
                + settings.holdWindow().toMinutes() + "-minute hold window";
        try {
            database.transaction("delete held face matches", connection -> {
                store.deleteHeldPast(connection, now);
                audit.record(GuardAudit.HOLD_EXPIRY, GuardAudit.GUARD, ids, null, List.of(), detail);
                return null;
            });
        } catch (GuardRefusal unavailable) {
            // the law wants them gone; the audit record is what is missing, and the log says so
            database.transaction("delete held face matches", connection -> store.deleteHeldPast(connection, now));
            LOG.error("{} held face matches deleted at the end of their hold window WITHOUT an audit record (the audit"
                    + " log is unavailable): {}", ids.size(), ids);
            return;
        }
        LOG.info("{} held face matches deleted at the end of their hold window", ids.size());
    }

    /**
     * Ends an urgent request (refused, or lapsed) and purges what was delivered under it, their
     * confirmations and the held matches within its scope. The purge happens even if the audit
     * log refuses it; then the failure is logged with what was purged.
     */
    private void purge(Authorisation authorisation, AuthorisationStatus outcome, Official by, Instant now) {
        String decision = outcome == AuthorisationStatus.REFUSED ? GuardAudit.REFUSE : GuardAudit.EXPIRE;
        Purged purged;
        try {
            purged = database.transaction("purge authorisation " + authorisation.id(),
                    connection -> purge(connection, authorisation, outcome, by, now, decision, true));
        } catch (GuardRefusal unavailable) {
            purged = database.transaction("purge authorisation " + authorisation.id(),
                    connection -> purge(connection, authorisation, outcome, by, now, decision, false));
            LOG.error("Authorisation {} {} by {}: purged {} WITHOUT an audit record (the audit log is unavailable):"
                    + " matches {}", authorisation.id(), outcome, by.person(), purged.describe(), purged.matchIds());
            return;
        }
        LOG.warn("Authorisation {} ({}) {} by {} of {}: purged {}", authorisation.id(),
                authorisation.judicialReference(), outcome, by.person(), by.agency(), purged.describe());
    }

    private Purged purge(Connection connection, Authorisation authorisation, AuthorisationStatus outcome,
            Official by, Instant now, String decision, boolean audited) throws SQLException {
        List<String> delivered = store.deliveredUnder(connection, authorisation.id());
        int confirmations = store.confirmationsUnder(connection, authorisation.id());
        List<String> held = store.held(connection, null).stream().map(FaceMatchStore.Held::match)
                .filter(match -> Coverage.inScope(authorisation, match)).map(FaceMatch::id).toList();
        store.deleteDeliveredUnder(connection, authorisation.id());
        store.deleteHeld(connection, held);
        store.decide(connection, authorisation.id(), outcome, null, by.person(), now);
        Purged purged = new Purged(delivered, confirmations, held);
        if (audited) {
            String reference = authorisation.judicialReference();
            audit.record(decision, by, List.of(authorisation.id()), reference, List.of(),
                    "urgent request " + reference + " " + outcome + (outcome == AuthorisationStatus.EXPIRED
                            ? ": not granted by its deadline " + authorisation.decisionDue() : ""));
            audit.record(GuardAudit.PURGE, by, purged.matchIds(), reference, List.of(),
                    "authorisation " + authorisation.id() + " " + outcome + ": purged " + purged.describe());
        }
        return purged;
    }

    /** What a purge deleted. */
    private record Purged(List<String> delivered, int confirmations, List<String> held) {

        List<String> matchIds() {
            List<String> ids = new ArrayList<>(delivered);
            ids.addAll(held);
            return ids;
        }

        String describe() {
            return delivered.size() + " delivered matches, " + confirmations + " confirmations and " + held.size()
                    + " held matches";
        }
    }

    // --- shared -----------------------------------------------------------------------------

    private List<Authorisation> inForce(Instant now) {
        return database.run("list authorisations in force", store::active).stream()
                .filter(authorisation -> Coverage.inForce(authorisation, now)).toList();
    }

    private Authorisation find(String id) {
        return database.run("find authorisation " + id, connection -> store.authorisation(connection, id))
                .orElseThrow();
    }

    private static void requireAgency(Official official, String agency, String refusal) {
        Objects.requireNonNull(official, "official");
        if (!agency.equals(official.agency())) {
            throw new GuardRefusal(Reason.FORBIDDEN, refusal);
        }
    }

    private void requireParty(String agency) {
        if (!settings.recipient().equals(agency) && !settings.judicialAuthority().equals(agency)) {
            throw new GuardRefusal(Reason.FORBIDDEN, "Only " + settings.recipient() + " and "
                    + settings.judicialAuthority() + " see the authorisations of face recognition.");
        }
    }

    private static AuthorisationRequest checked(AuthorisationRequest request) {
        Objects.requireNonNull(request, "request");
        if (!REFERENCE.matcher(request.judicialReference()).matches()) {
            throw new IllegalArgumentException("judicialReference must be 1-128 characters");
        }
        if (!OFFENCE.matcher(request.offenceCategory()).matches()) {
            throw new IllegalArgumentException("offenceCategory must be 1-64 lower-case letters, digits and '-'"
                    + " (terrorism, missing-person)");
        }
        for (String entry : request.watchlistEntries()) {
            if (entry == null || !WATCHLIST_ID.matcher(entry).matches()) {
                throw new IllegalArgumentException("a watchlist entry id must be 1-128 letters, digits or"
                        + " '.', ':', '@', '#', '/', '-', '_'");
            }
        }
        for (String camera : request.cameras()) {
            if (camera == null || !CAMERA_ID.matcher(camera).matches()) {
                throw new IllegalArgumentException("a camera id must be 1-64 letters, digits, '-' or '_'");
            }
        }
        return request;
    }

    /** What an authorisation names, for the audit record: counts and the period, never watchlist ids. */
    private static String scope(Authorisation authorisation) {
        return authorisation.watchlistEntries().size() + " watchlist entries, " + authorisation.cameras().size()
                + " cameras " + authorisation.cameras() + ", " + authorisation.validFrom() + " to "
                + authorisation.validUntil() + ", offence " + authorisation.offenceCategory();
    }
}
