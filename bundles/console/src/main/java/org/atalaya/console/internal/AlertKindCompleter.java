package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.alert.AlertKind;

/** Completes the kinds of alert. */
@Service
public class AlertKindCompleter implements Completer {

    private final StringsCompleter kinds = new StringsCompleter(
            Arrays.stream(AlertKind.values()).map(Enum::name).toList(), false);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return kinds.complete(session, commandLine, candidates);
    }
}
