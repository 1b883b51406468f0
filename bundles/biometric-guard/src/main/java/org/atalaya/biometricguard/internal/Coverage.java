package org.atalaya.biometricguard.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.FaceMatch;

/** Whether an authorisation covers a match: the rule that decides every delivery. */
final class Coverage {

    /** Granted ones first, so that a refused urgent request takes away only what nothing else covers. */
    private static final Comparator<Authorisation> PREFERENCE = Comparator
            .comparing((Authorisation a) -> a.status() != AuthorisationStatus.GRANTED)
            .thenComparing(Authorisation::requestedAt)
            .thenComparing(Authorisation::id);

    private Coverage() {
    }

    /** Granted, or requested in urgency and not yet at its deadline. */
    static boolean inForce(Authorisation authorisation, Instant now) {
        return switch (authorisation.status()) {
            case GRANTED -> true;
            case REQUESTED_URGENT -> authorisation.decisionDue() != null && now.isBefore(authorisation.decisionDue());
            case REFUSED, EXPIRED -> false;
        };
    }

    /** The match's watchlist entry, its camera and its time are all within what the authorisation names. */
    static boolean inScope(Authorisation authorisation, FaceMatch match) {
        return authorisation.watchlistEntries().contains(match.watchlistEntryId())
                && authorisation.cameras().contains(match.cameraId())
                && !match.capturedAt().isBefore(authorisation.validFrom())
                && match.capturedAt().isBefore(authorisation.validUntil());
    }

    /** The authorisation a match is delivered under, if any covers it now. */
    static Optional<Authorisation> covering(Collection<Authorisation> authorisations, FaceMatch match, Instant now) {
        return authorisations.stream()
                .filter(authorisation -> inForce(authorisation, now) && inScope(authorisation, match))
                .min(PREFERENCE);
    }
}
