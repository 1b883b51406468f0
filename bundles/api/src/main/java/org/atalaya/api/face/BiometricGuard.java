package org.atalaya.api.face;

import java.util.List;
import java.util.Optional;

/**
 * The biometric guard (bundles/biometric-guard): the only way a face-recognition match reaches
 * anyone. A match is delivered only under an authorisation that covers it (its watchlist entry,
 * its camera, its time), to the recipient agency, pending verification until enough distinct
 * people of that agency confirm it. Every delivery, confirmation and decision is written to the
 * audit log first; if the log cannot record it, it does not happen ({@link GuardRefusal.Reason#UNAVAILABLE}).
 *
 * <p>Methods that act for someone refuse with {@link GuardRefusal}; a request that is not valid
 * is an {@link IllegalArgumentException}.
 */
public interface BiometricGuard {

    /**
     * Takes in a match from a camera: delivered when an authorisation covers it, otherwise held
     * for the hold window and deleted unless a covering authorisation comes within it.
     */
    Intake accept(FaceMatch match);

    /** Registers an authorisation the judicial authority granted; held matches it covers are released. */
    Authorisation register(AuthorisationRequest request, Official justice);

    /**
     * Requests an authorisation in urgency (the recipient agency): matches it covers are delivered
     * at once, until the judicial authority decides or the request lapses (24 hours at most).
     */
    Authorisation requestUrgent(AuthorisationRequest request, Official police);

    /**
     * Grants an urgent request (the judicial authority).
     *
     * @param courtOrder the court order's number, which replaces the request's reference; or {@code null}
     */
    Authorisation grant(String authorisationId, String courtOrder, Official justice);

    /** Refuses an urgent request (the judicial authority): everything delivered under it is purged. */
    Authorisation refuse(String authorisationId, Official justice);

    /** The authorisations the agency may see (the recipient's and the judicial authority's), newest first. */
    List<Authorisation> authorisations(String agency, AuthorisationStatus status);

    Optional<Authorisation> authorisation(String agency, String authorisationId);

    /** The matches delivered to the agency, newest first: only the recipient ever has any. */
    List<DeliveredMatch> matches(String agency, MatchQuery query);

    /** A match delivered to the agency; to any other agency, none. */
    Optional<DeliveredMatch> match(String agency, String matchId);

    /**
     * Records that a person of the recipient agency verified a match; it becomes actionable with
     * the last confirmation required. The same person may confirm a match once
     * ({@link GuardRefusal.Reason#CONFLICT}); to a person of any other agency there is no such
     * match ({@link GuardRefusal.Reason#NOT_FOUND}).
     */
    DeliveredMatch confirm(String matchId, Official verifier);

    /** The agency matches are delivered to. */
    String recipient();

    /** The agency that grants and refuses authorisations. */
    String judicialAuthority();

    /** How many distinct people must confirm a match before it is actionable. */
    int confirmationsRequired();
}
