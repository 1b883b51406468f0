package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.Confirmation;
import org.atalaya.api.face.DeliveredMatch;

/** How the console writes face matches and their authorisations. */
final class FaceText {

    static final List<String> MATCH_COLUMNS = List.of("Sequence", "Id", "Captured at", "Camera", "Watchlist entry",
            "Similarity", "State", "Confirmed by", "Authorisation");
    static final List<String> AUTHORISATION_COLUMNS = List.of("Id", "Reference", "Status", "Offence",
            "Watchlist entries", "Cameras", "From", "Until", "Requested", "Decided");

    private FaceText() {
    }

    static List<String> matchRow(DeliveredMatch delivered) {
        String confirmedBy = delivered.confirmations().isEmpty() ? HotlistText.NONE
                : delivered.confirmations().stream().map(Confirmation::person).collect(Collectors.joining(", "));
        return Arrays.asList(Long.toString(delivered.sequence()), delivered.match().id(),
                HotlistText.instant(delivered.match().capturedAt()), delivered.match().cameraId(),
                delivered.match().watchlistEntryId(),
                String.format(Locale.ROOT, "%.2f", delivered.match().similarity()), delivered.state().name(), confirmedBy,
                delivered.authorisationId());
    }

    static List<String> authorisationRow(Authorisation authorisation) {
        String status = authorisation.status().name() + (authorisation.decisionDue() == null ? ""
                : " (lapses " + HotlistText.instant(authorisation.decisionDue()) + ")");
        String decided = authorisation.decidedAt() == null ? HotlistText.NONE
                : authorisation.decidedBy() + " at " + HotlistText.instant(authorisation.decidedAt());
        return Arrays.asList(authorisation.id(), authorisation.judicialReference(), status,
                authorisation.offenceCategory(), String.join(", ", authorisation.watchlistEntries()),
                String.join(", ", authorisation.cameras()), HotlistText.instant(authorisation.validFrom()),
                HotlistText.instant(authorisation.validUntil()),
                authorisation.requestedBy() + " (" + authorisation.requestingAgency() + ") at "
                        + HotlistText.instant(authorisation.requestedAt()), decided);
    }

    /** What {@code face-confirm} says after a confirmation. */
    static String confirmed(DeliveredMatch delivered, String person, int required) {
        return "Face match " + delivered.match().id() + " confirmed by " + person + ": "
                + delivered.confirmations().size() + " of " + required + " confirmations, " + delivered.state().name()
                + switch (delivered.state()) {
                    case ACTIONABLE -> " (it may be acted upon)";
                    case PENDING_VERIFICATION -> " (another person must verify it)";
                };
    }
}
