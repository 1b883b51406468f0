package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atalaya.api.anpr.HotlistCategory;

/** Completes the hotlist categories. */
@Service
public class HotlistCategoryCompleter implements Completer {

    private final StringsCompleter categories = new StringsCompleter(
            Arrays.stream(HotlistCategory.values()).map(Enum::name).toList(), false);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return categories.complete(session, commandLine, candidates);
    }
}
