package org.atalaya.routes.vehicleregistry.internal;

import javax.xml.ws.WebServiceException;
import javax.xml.ws.soap.SOAPFaultException;

import org.atalaya.registry.v1.InvalidRequestFault;
import org.atalaya.registry.v1.NotFoundFault;
import org.atalaya.registry.v1.ServiceUnavailableFault;
import org.atalaya.registry.v1.VersionGoneFault;

/**
 * How the hub reads a failed call to the ministry. A refusal of the request itself (invalid, not
 * found, version gone) is an answer: asking again changes nothing, and it says nothing about the
 * ministry's health. Anything else (no connection, a timeout, the service unavailable, the hub's
 * account refused) means the link to the ministry is failing: it counts against the circuit
 * breaker, and what was asked is asked again later.
 */
final class MinistryFailures {

    private MinistryFailures() {
    }

    /** The request itself was refused: a retry would be refused too. */
    static boolean refusal(Throwable failure) {
        return failure instanceof InvalidRequestFault || failure instanceof NotFoundFault
                || failure instanceof VersionGoneFault;
    }

    /** Worth asking again at once, a little later: the network or the service had a moment. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof ServiceUnavailableFault) {
            return true;
        }
        if (failure instanceof SOAPFaultException) {
            // a fault outside the contract: the hub's account or message refused, which needs an operator
            return false;
        }
        return failure instanceof WebServiceException;
    }

    /** Whether the failure counts against the ministry's link (the circuit breaker). */
    static boolean linkFailure(Throwable failure) {
        return !refusal(failure);
    }

    /** A short text for logs and the console: never the request's contents. */
    static String describe(Throwable failure) {
        if (failure instanceof SOAPFaultException fault && fault.getFault() != null) {
            return "SOAP fault " + fault.getFault().getFaultCodeAsQName().getLocalPart() + ": "
                    + fault.getFault().getFaultString();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage();
        if (root != failure && root.getMessage() != null) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
