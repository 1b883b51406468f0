package org.atalaya.security.rest;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request with HTTP Basic against the hub's JAAS realm (the accounts of
 * {@code etc/users.properties}, or whatever realm the operator configured), and lets it through
 * only when the account has at least one of the endpoint's roles. Anything else is refused:
 * 401 without valid credentials, 403 without a role.
 */
public final class BasicAuthentication implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthentication.class);
    private static final String REALM = "karaf";

    private final Set<String> allowedRoles;

    /** @param allowedRoles the roles that may call the endpoint at all; none means nobody may */
    public BasicAuthentication(Set<String> allowedRoles) {
        this.allowedRoles = Set.copyOf(allowedRoles);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String[] credentials = credentials(header);
        if (credentials == null) {
            request.abortWith(challenge("Credentials are required (HTTP Basic)."));
            return;
        }
        Subject subject = login(credentials[0], credentials[1]);
        if (subject == null) {
            LOG.warn("REST login refused for '{}' on {} {}", credentials[0], request.getMethod(),
                    request.getUriInfo().getPath());
            request.abortWith(challenge("The user name or password is not valid."));
            return;
        }
        Set<String> roles = new TreeSet<>();
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(principal.getName());
        }
        if (roles.stream().noneMatch(allowedRoles::contains)) {
            LOG.warn("REST access refused for '{}' (roles {}) on {} {}", credentials[0], roles, request.getMethod(),
                    request.getUriInfo().getPath());
            request.abortWith(Problem.response(403, "Forbidden", "This account may not use this endpoint."));
            return;
        }
        String user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElse(credentials[0]);
        request.setSecurityContext(new Caller(user, roles, request.getSecurityContext().isSecure()));
    }

    private static String[] credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static Subject login(String user, String password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The realm's login modules are loaded through Karaf's proxy, which the context class
        // loader must see.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(REALM, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return subject;
        } catch (LoginException refused) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static javax.ws.rs.core.Response challenge(String detail) {
        return javax.ws.rs.core.Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Atalaya\", charset=\"UTF-8\"").build();
    }

    /** The authenticated caller: the account and its roles. */
    private record Caller(String user, Set<String> roles, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
