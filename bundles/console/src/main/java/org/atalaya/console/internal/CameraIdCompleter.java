package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;

/** Completes the ids of the registered cameras, as the registry has them now. */
@Service
public class CameraIdCompleter implements Completer {

    @Reference(optional = true)
    private CameraRegistry cameras;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (cameras == null) {
            return -1;
        }
        return new StringsCompleter(cameras.list().stream().map(Camera::id).toList())
                .complete(session, commandLine, candidates);
    }
}
