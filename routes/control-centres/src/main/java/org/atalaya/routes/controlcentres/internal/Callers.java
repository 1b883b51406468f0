package org.atalaya.routes.controlcentres.internal;

import java.util.List;

import javax.ws.rs.core.SecurityContext;

import org.atalaya.security.rest.Problem;

/** Which agency a caller acts for, and what it may do. */
final class Callers {

    private final List<String> agencies;
    private final String adminRole;

    Callers(List<String> agencies, String adminRole) {
        this.agencies = agencies;
        this.adminRole = adminRole;
    }

    /**
     * The agency the caller acts for: its one agency role, or the one it names when it has
     * several (an administrator may name any).
     */
    String agency(SecurityContext caller, String requested) {
        List<String> own = agencies.stream().filter(caller::isUserInRole).toList();
        if (requested != null && !requested.isBlank()) {
            if (!agencies.contains(requested)) {
                throw Problem.badRequest("agency '" + requested + "' is not one of " + agencies);
            }
            if (!own.contains(requested) && !caller.isUserInRole(adminRole)) {
                throw Problem.forbidden("This account does not act for " + requested + ".");
            }
            return requested;
        }
        if (own.size() == 1) {
            return own.get(0);
        }
        throw Problem.badRequest(own.isEmpty() ? "name the agency: ?agency= one of " + agencies
                : "this account acts for several agencies: name one with ?agency=");
    }

    /** The caller's name, for the record of who did what. */
    static String name(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    void requireAdmin(SecurityContext caller) {
        if (!caller.isUserInRole(adminRole)) {
            throw Problem.forbidden("Only an administrator may change this.");
        }
    }

    /** Agencies and administrators may change the hotlist. */
    void requireAgencyOrAdmin(SecurityContext caller) {
        if (!caller.isUserInRole(adminRole) && agencies.stream().noneMatch(caller::isUserInRole)) {
            throw Problem.forbidden("Only an agency or an administrator may change the hotlist.");
        }
    }
}
