package org.atalaya.biometricguard.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.Official;
import org.atalaya.api.security.DataClass;

/**
 * The guard's records in the audit log. They name the records by id (matches, authorisations)
 * and the judicial reference as the case; never a watchlist entry or an image reference.
 */
final class GuardAudit {

    static final String DELIVER = "face-match.deliver";
    static final String CONFIRM = "face-match.confirm";
    static final String PURGE = "face-match.purge";
    static final String HOLD_EXPIRY = "face-match.hold-expiry";
    static final String REGISTER = "face-authorisation.register";
    static final String REQUEST_URGENT = "face-authorisation.request-urgent";
    static final String GRANT = "face-authorisation.grant";
    static final String REFUSE = "face-authorisation.refuse";
    static final String EXPIRE = "face-authorisation.expire";

    /** Who acts when the guard itself delivers, purges or lets a request lapse. */
    static final Official GUARD = new Official("biometric-guard", "atalaya");

    private static final String ALLOWED = "allowed";

    private final AuditLog log;
    private final Clock clock;

    GuardAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Appends a record, or refuses with {@link GuardRefusal.Reason#UNAVAILABLE} when the log cannot
     * store it: what it records must then not happen.
     */
    void record(String action, Official by, Collection<String> subjects, String caseReference,
            List<String> recipients, String detail) {
        try {
            log.append(new AuditEntry(clock.instant(), by.agency(), by.person(), action, DataClass.FACE_MATCHES.id(),
                    List.copyOf(subjects), null, caseReference, ALLOWED, recipients, detail));
        } catch (RuntimeException failure) {
            throw new GuardRefusal(GuardRefusal.Reason.UNAVAILABLE,
                    "The audit log could not record " + action + ", so it was not done; try again later.", failure);
        }
    }
}
