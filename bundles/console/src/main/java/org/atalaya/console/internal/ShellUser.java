package org.atalaya.console.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The person logged in to the shell and its realm roles: whom the access policy is asked about
 * (which agency the roles act for is the policy's say).
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
}
