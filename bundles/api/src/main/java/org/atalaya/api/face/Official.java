package org.atalaya.api.face;

import java.util.Objects;

/**
 * A person acting for an agency: who registers, requests, grants or refuses an authorisation,
 * or confirms a match.
 *
 * @param person the account of the person
 * @param agency the agency it acts for
 */
public record Official(String person, String agency) {

    public Official {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(agency, "agency");
    }
}
