package org.atalaya.security.soap.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.Caller;
import org.atalaya.security.rest.Consultation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the SOAP calls to the audit log, each once, in the words the REST gate uses. */
final class SoapAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SoapAudit.class);

    private final AuditLog log;

    SoapAudit(AuditLog log) {
        this.log = log;
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
        try {
            log.append(new AuditEntry(Instant.now(), caller == null ? null : caller.agency(),
                    caller == null ? person : caller.person(), call.action(), call.dataClass(), List.of(),
                    call.purpose(), call.caseReference(), outcome, List.of(), detail));
        } catch (RuntimeException notRecorded) {
            LOG.error("The audit record of a refused call ({}) could not be stored", call.action(), notRecorded);
        }
    }

    /**
     * An allowed call, answered ({@code allowed}) or failed ({@code failed <fault>}): written
     * before the answer is.
     *
     * @throws RuntimeException when the record could not be stored: the answer must not be sent
     */
    void answered(SoapCall call, boolean success, String outcome, String detail) {
        if (!call.audit()) {
            return;
        }
        Consultation consultation = call.consultation();
        Caller caller = consultation.caller();
        log.append(new AuditEntry(Instant.now(), caller.agency(), caller.person(), call.action(), call.dataClass(),
                consultation.subjects(), consultation.purpose(), consultation.caseReference(), outcome,
                success ? List.of(caller.agency()) : List.of(), detail));
    }

    /** Records disclosed apart from the answer ({@link Consultation#disclosed}), written now. */
    void disclosed(Consultation consultation, String action, Collection<String> subjects) {
        Caller caller = consultation.caller();
        log.append(new AuditEntry(Instant.now(), caller.agency(), caller.person(), action, null,
                List.copyOf(subjects), consultation.purpose(), consultation.caseReference(), "allowed",
                List.of(caller.agency()), null));
    }
}
