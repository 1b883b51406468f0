package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.alert.Agencies;

/** Completes the police agencies, where every ANPR alert goes. */
@Service
public class PoliceAgencyCompleter implements Completer {

    private final StringsCompleter agencies = new StringsCompleter(Agencies.POLICE);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return agencies.complete(session, commandLine, candidates);
    }
}
