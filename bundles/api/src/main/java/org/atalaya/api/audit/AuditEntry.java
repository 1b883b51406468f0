package org.atalaya.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * What happened, as it is written to the log.
 *
 * @param at            when
 * @param agency        who: the agency acted for, or {@code null} when the caller was not recognised
 * @param person        who: the account, certificate subject or device, where known
 * @param action        what was done: {@code GET /api/v1/alerts}, {@code face-match.purge}
 * @param dataClass     what data: a {@link org.atalaya.api.security.DataClass} id, or {@code null}
 * @param subjects      which records: alert ids, plates, match ids (may be empty)
 * @param purpose       why: the purpose given, or {@code null}
 * @param caseReference why: the case reference given, or {@code null}
 * @param outcome       {@code allowed}, {@code denied}, {@code refused} (bad request) or {@code failed},
 *                      with the HTTP status where there was one: {@code allowed 200}
 * @param recipients    who received the data (agencies), if anyone
 * @param detail        a short explanation (the reason of a denial), or {@code null}
 */
public record AuditEntry(Instant at, String agency, String person, String action, String dataClass,
        List<String> subjects, String purpose, String caseReference, String outcome, List<String> recipients,
        String detail) {

    public AuditEntry {
        if (at == null || action == null || outcome == null) {
            throw new IllegalArgumentException("an audit entry needs its time, action and outcome");
        }
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
