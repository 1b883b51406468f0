package org.atalaya.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * What the {@code atalaya} commands share: a value the operator got wrong ends the command with
 * its message, shown as the shell shows a wrong option, without a stack trace and without an
 * error in the log.
 *
 * <p>The commands print through {@code System.out}: the shell gives each session its own, so
 * output reaches the session that ran the command and can be piped ({@code | grep}).
 */
public abstract class AtalayaAction implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return null;
    }

    /** Does the command's work; a wrong value is an {@link IllegalArgumentException}. */
    protected abstract void run() throws Exception;
}
