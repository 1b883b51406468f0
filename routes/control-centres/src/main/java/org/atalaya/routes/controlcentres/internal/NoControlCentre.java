package org.atalaya.routes.controlcentres.internal;

import javax.xml.ws.WebFault;

/** The caller's agency receives no alerts here: it has no control centre on the hub. */
@WebFault(name = "NoControlCentre", targetNamespace = ConsultationService.NAMESPACE)
public class NoControlCentre extends Exception {

    private static final long serialVersionUID = 1L;

    private final ConsultationMessages.Problem problem;

    public NoControlCentre(String reason) {
        this(reason, new ConsultationMessages.Problem(reason));
    }

    /** As JAX-WS builds a declared fault: its message and its detail. */
    public NoControlCentre(String message, ConsultationMessages.Problem problem) {
        super(message);
        this.problem = problem;
    }

    /** The fault's detail. */
    public ConsultationMessages.Problem getFaultInfo() {
        return problem;
    }
}
