package org.atalaya.routes.controlcentres.internal;

import java.util.List;
import java.util.function.Function;

import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Problem;

/**
 * Which control centre a caller's alerts come from: the agency the access policy says it acts
 * for, which must be one of the agencies with an alert queue.
 */
final class Callers {

    private final List<String> agencies;

    Callers(List<String> agencies) {
        this.agencies = agencies;
    }

    /**
     * The agency whose alerts the caller sees: its own. Naming another ({@code ?agency=}) is
     * refused: an agency consults its own alerts only.
     */
    String agency(Consultation caller, String requested) {
        return agency(caller, requested, Problem::forbidden, Problem::notFound);
    }

    /**
     * The same rule, refused in the words of the caller's protocol.
     *
     * @param otherAgency     the refusal of another agency's alerts
     * @param noControlCentre the refusal of an agency that has no control centre here
     */
    <E extends Exception> String agency(Consultation caller, String requested,
            Function<String, ? extends RuntimeException> otherAgency, Function<String, E> noControlCentre)
            throws E {
        String own = caller.agency();
        if (requested != null && !requested.isBlank() && !requested.strip().equals(own)) {
            throw otherAgency.apply("This account acts for " + own + ", not for " + requested.strip() + ".");
        }
        if (!agencies.contains(own)) {
            throw noControlCentre.apply(own + " has no control centre receiving alerts here; those that do: "
                    + agencies);
        }
        return own;
    }
}
