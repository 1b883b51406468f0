package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.security.DataClass;

/** Completes the data classes, as the audit log names them ({@code plate-reads}). */
@Service
public class DataClassCompleter implements Completer {

    private final StringsCompleter classes = new StringsCompleter(
            Arrays.stream(DataClass.values()).map(DataClass::id).toList());

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return classes.complete(session, commandLine, candidates);
    }
}
