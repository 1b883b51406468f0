package org.atalaya.routes.controlcentres.internal;

import javax.xml.ws.WebFault;

/** A SOAP consultation whose request the service cannot answer as it is: the reason says why. */
@WebFault(name = "InvalidRequest", targetNamespace = ConsultationService.NAMESPACE)
public class InvalidRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final ConsultationMessages.Problem problem;

    public InvalidRequest(String reason) {
        this(reason, new ConsultationMessages.Problem(reason));
    }

    /** As JAX-WS builds a declared fault: its message and its detail. */
    public InvalidRequest(String message, ConsultationMessages.Problem problem) {
        super(message);
        this.problem = problem;
    }

    /** The fault's detail. */
    public ConsultationMessages.Problem getFaultInfo() {
        return problem;
    }
}
