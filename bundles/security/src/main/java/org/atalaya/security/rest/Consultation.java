package org.atalaya.security.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.security.Caller;

/**
 * The call the gate allowed, as a resource (or a SOAP operation) sees it: who, for which agency,
 * why, and the record ids it discloses, which the audit record lists.
 */
public final class Consultation {

    /** Appends an audit record for a disclosure made after the response started (a stream). */
    @FunctionalInterface
    public interface Recorder {
        void disclosed(Consultation consultation, String action, Collection<String> subjects);
    }

    private final Caller caller;
    private final String purpose;
    private final String caseReference;
    private final Recorder recorder;
    private final List<String> subjects = new ArrayList<>();

    /**
     * The gate makes one for each call it allows; resources obtain it with {@link #current()}
     * (and tests of a resource may make their own).
     */
    public Consultation(Caller caller, String purpose, String caseReference, Recorder recorder) {
        this.caller = caller;
        this.purpose = purpose;
        this.caseReference = caseReference;
        this.recorder = recorder;
    }

    /** The consultation of the request being served on this thread. */
    public static Consultation current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        // the gates (REST and SOAP) keep it in the call's exchange under its class
        Consultation consultation = message == null ? null : message.getExchange().get(Consultation.class);
        if (consultation == null) {
            throw new IllegalStateException("no request allowed by the gate is being served on this thread");
        }
        return consultation;
    }

    public Caller caller() {
        return caller;
    }

    /** The agency the caller acts for. */
    public String agency() {
        return caller.agency();
    }

    /** The person (account) who called. */
    public String person() {
        return caller.person();
    }

    public String purpose() {
        return purpose;
    }

    public String caseReference() {
        return caseReference;
    }

    /** Names the records this call discloses or changes, for its audit record. */
    public synchronized void subjects(Collection<String> ids) {
        subjects.addAll(ids);
    }

    /** The records named so far. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects);
    }

    /**
     * Records, now, records disclosed after the response began (each batch of a stream); the
     * audit record is stored before this returns, so call it before writing them out.
     */
    public void disclosed(String action, Collection<String> ids) {
        recorder.disclosed(this, action, ids);
    }

    /**
     * The audit entry of {@code ids} disclosed to this caller after the response began, as
     * {@link #disclosed} records it: for a resource that appends it itself, in the transaction
     * that stores those records ({@code AuditLog.appendInTransaction}).
     */
    public AuditEntry disclosure(String action, Collection<String> ids) {
        return new AuditEntry(Instant.now(), caller.agency(), caller.person(), action, null, List.copyOf(ids), purpose,
                caseReference, "allowed", List.of(caller.agency()), null);
    }
}
