package org.atalaya.security.soap.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.Caller;
import org.atalaya.security.internal.CallAudit;
import org.atalaya.security.rest.Consultation;

/** Writes the SOAP calls to the audit log, each once, as the REST gate does ({@link CallAudit}). */
final class SoapAudit {

    private final CallAudit log;

    SoapAudit(AuditLog log) {
        this.log = new CallAudit(log);
    }

    /**
     * A call refused before the operation ran: written now. The call is refused whether or not
     * the record can be stored, so a failure is only logged.
     *
     * @param outcome {@code denied FailedAuthentication}, {@code refused PurposeRequired} ...
     */
    void refused(SoapCall call, String person, String outcome, String detail) {
        if (!call.audit()) {
            return;
        }
        Caller caller = call.caller();
        log.refused(new AuditEntry(Instant.now(), caller == null ? null : caller.agency(),
                caller == null ? person : caller.person(), call.action(), call.dataClass(), List.of(),
                call.purpose(), call.caseReference(), outcome, List.of(), detail));
    }

    /**
     * An allowed call, answered ({@code allowed}) or failed ({@code failed <fault>}): written
     * before the answer is.
     *
     * @throws RuntimeException when the record could not be stored: the answer must not be sent
     */
    void answered(SoapCall call, boolean success, String outcome, String detail) {
        if (call.audit()) {
            log.answered(call.consultation(), call.action(), call.dataClass(), success, outcome, detail);
        }
    }

    /** Records disclosed apart from the answer ({@link Consultation#disclosed}), written now. */
    void disclosed(Consultation consultation, String action, Collection<String> subjects) {
        log.disclosed(consultation, action, subjects);
    }
}
