package org.atalaya.routes.face.internal;

import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.Official;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Problem;

/** The guard's refusals as problem answers, and the caller as the guard knows it. */
final class GuardProblems {

    private GuardProblems() {
    }

    static Problem problem(GuardRefusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> Problem.notFound(refusal.getMessage());
            case FORBIDDEN -> Problem.forbidden(refusal.getMessage());
            case CONFLICT -> new Problem(409, "Conflict", refusal.getMessage());
            case UNAVAILABLE -> new Problem(503, "Service unavailable", refusal.getMessage());
        };
    }

    /** The person who called and the agency the gate found it acts for. */
    static Official official(Consultation consultation) {
        if (consultation.agency() == null || consultation.person() == null) {
            throw Problem.forbidden("This account acts for no agency.");
        }
        return new Official(consultation.person(), consultation.agency());
    }
}
