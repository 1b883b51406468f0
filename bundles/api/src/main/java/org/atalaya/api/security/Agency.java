package org.atalaya.api.security;

import java.util.Map;
import java.util.Set;

/**
 * An agency (or a device family) as the policy knows it: who acts for it, and what it may do.
 *
 * @param name         its id: {@code local-police}, {@code justice}, {@code anpr-cameras}
 * @param roles        the realm roles (groups) whose members act for it
 * @param certificates the client-certificate subjects (distinguished names) that act for it
 * @param grants       for each data class it may use, what it may do with it
 * @param purposes     the purposes it may give for a consultation
 */
public record Agency(String name, Set<String> roles, Set<String> certificates, Map<DataClass, Set<Access>> grants,
        Set<String> purposes) {

    public Agency {
        roles = Set.copyOf(roles);
        certificates = Set.copyOf(certificates);
        grants = Map.copyOf(grants);
        purposes = Set.copyOf(purposes);
    }

    /** Whether it may do {@code access} with {@code data}. */
    public boolean may(DataClass data, Access access) {
        return grants.getOrDefault(data, Set.of()).contains(access);
    }
}
