package org.atalaya.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * A login against the hub's JAAS realm ({@code karaf}: the accounts of
 * {@code etc/users.properties}, or whatever realm the operator configured), from HTTP Basic
 * credentials or a user name and password given otherwise (a SOAP UsernameToken). The realm
 * checks a password it is given in clear against the hash it keeps; it cannot check a digest.
 */
public final class RealmLogin {

    private static final String REALM = "karaf";

    /** How long an accepted login is kept: a password changed in the realm is honoured within it. */
    public static final Duration REMEMBERED = Duration.ofSeconds(30);

    private static final LoginCache ACCEPTED = new LoginCache(RealmLogin::realmLogin, REMEMBERED, System::nanoTime);

    /** An account the realm accepted, with its roles. */
    public record Account(String user, Set<String> roles) {
    }

    private RealmLogin() {
    }

    /** The user name and password of an {@code Authorization: Basic} header, if it holds any. */
    public static Optional<String[]> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * The account, when the realm accepts the password; empty passwords are never accepted. An
     * accepted login is kept for {@link #REMEMBERED} ({@link LoginCache}).
     */
    public static Optional<Account> login(String user, String password) {
        if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return ACCEPTED.login(user, password);
    }

    private static Optional<Account> realmLogin(String user, String password) {
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
        } catch (LoginException refused) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> roles = new TreeSet<>();
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(principal.getName());
        }
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElse(user);
        return Optional.of(new Account(name, roles));
    }
}
