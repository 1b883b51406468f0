package org.atalaya.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.List;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

/**
 * Runs a command as the shell would, without one: its {@code @Reference} fields filled as Karaf
 * fills them, as a logged-in user, with what it prints caught.
 */
final class ShellHarness {

    private ShellHarness() {
    }

    /**
     * Fills every {@code @Reference} field of the action and its superclasses with the first of
     * {@code services} of its type; as Karaf does, a missing service is left {@code null} for an
     * optional reference and refused for any other.
     */
    static <A extends Action> A inject(A action, Object... services) {
        for (Class<?> type = action.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Reference reference = field.getAnnotation(Reference.class);
                if (reference == null) {
                    continue;
                }
                Object service = List.of(services).stream().filter(field.getType()::isInstance).findFirst()
                        .orElse(null);
                if (service == null && !reference.optional()) {
                    throw new IllegalStateException("No service matching " + field.getType().getName());
                }
                set(action, field, service);
            }
        }
        return action;
    }

    /** Sets an option or argument field as the shell would from the command line. */
    static <A extends Action> A option(A action, String field, Object value) {
        for (Class<?> type = action.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                set(action, type.getDeclaredField(field), value);
                return action;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(action.getClass().getSimpleName() + " has no field " + field);
    }

    /** A session whose terminal is {@code console}; it has nothing else. */
    static Session session(PrintStream console) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConsole")) {
                        return console;
                    }
                    throw new UnsupportedOperationException("Session." + method.getName());
                });
    }

    /** A logged-in user with its realm roles. */
    static Subject user(String name, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(name));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        return subject;
    }

    /**
     * Executes the action as {@code user} does in the shell, and returns what it printed to
     * {@code System.out}.
     */
    @SuppressWarnings("removal") // the shell runs each command as the session's Subject; ShellUser reads it so
    static String execute(Action action, Subject user) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Subject.doAs(user, (PrivilegedExceptionAction<Object>) action::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void set(Object target, Field field, Object value) {
        try {
            field.setAccessible(true);
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
