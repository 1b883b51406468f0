package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.MatchState;

/** Completes the states of face matches and of their authorisations. */
@Service
public class FaceStatusCompleter implements Completer {

    private final StringsCompleter states = new StringsCompleter(java.util.stream.Stream.concat(
            Arrays.stream(MatchState.values()), Arrays.stream(AuthorisationStatus.values())).map(Enum::name).toList());

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return states.complete(session, commandLine, candidates);
    }
}
