package org.atalaya.security.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.Caller;
import org.atalaya.security.rest.Consultation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the gates (REST and SOAP) write a call to the audit log: a refusal at once, whether or not
 * it can be stored; an allowed call before its answer, or not at all answered; records disclosed
 * apart from the answer (a stream's batches) before they are sent.
 */
public final class CallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CallAudit.class);

    private final AuditLog log;

    public CallAudit(AuditLog log) {
        this.log = log;
    }

    /** A refused call: the refusal stands whether or not its record can be stored, so a failure is only logged. */
    public void refused(AuditEntry entry) {
        try {
            log.append(entry);
        } catch (RuntimeException notRecorded) {
            LOG.error("The audit record of a refused call ({}) could not be stored", entry.action(), notRecorded);
        }
    }

    /**
     * An allowed call, answered or failed, with the records it named.
     *
     * @throws RuntimeException when the record could not be stored: the answer must not be sent
     */
    public void answered(Consultation consultation, String action, String dataClass, boolean success, String outcome,
            String detail) {
        Caller caller = consultation.caller();
        log.append(new AuditEntry(Instant.now(), caller.agency(), caller.person(), action, dataClass,
                consultation.subjects(), consultation.purpose(), consultation.caseReference(), outcome,
                success ? List.of(caller.agency()) : List.of(), detail));
    }

    /**
     * Records disclosed apart from the answer ({@link Consultation#disclosed}), written now and
     * ahead of routine records ({@link AuditLog#appendUrgent}): they are sent once it is stored.
     */
    public void disclosed(Consultation consultation, String action, Collection<String> subjects) {
        log.appendUrgent(consultation.disclosure(action, subjects));
    }
}
