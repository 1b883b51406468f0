package org.atalaya.console.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.atalaya.api.face.Official;

/**
 * The person logged in to the shell, and the agencies its roles make it a member of (an agency's
 * role is named as the agency: {@code national-police}).
 *
 * @param name  the account
 * @param roles its realm roles
 */
record ShellUser(String name, Set<String> roles) {

    ShellUser {
        roles = Set.copyOf(roles);
    }

    /** The user of the command being run. */
    @SuppressWarnings("removal") // Karaf runs each command as the session's Subject; there is no other way to it
    static ShellUser current() {
        return of(Subject.getSubject(AccessController.getContext()));
    }

    static ShellUser of(Subject subject) {
        String name = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse(null);
        if (name == null) {
            throw new IllegalArgumentException("No user is logged in to this shell session.");
        }
        Set<String> roles = new TreeSet<>();
        subject.getPrincipals(RolePrincipal.class).forEach(role -> roles.add(role.getName()));
        return new ShellUser(name, roles);
    }

    /** The user acting for {@code agency}, which it must be a member of. */
    Official actingFor(String agency) {
        if (!roles.contains(agency)) {
            throw new IllegalArgumentException("'" + name + "' is not a member of " + agency + " (role " + agency
                    + "): only its people may do this.");
        }
        return new Official(name, agency);
    }

    /** The first of {@code agencies} the user is a member of. */
    Official actingForOneOf(String... agencies) {
        for (String agency : agencies) {
            if (roles.contains(agency)) {
                return new Official(name, agency);
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a member of " + String.join(" or ", agencies)
                + ": only their people may do this.");
    }
}
