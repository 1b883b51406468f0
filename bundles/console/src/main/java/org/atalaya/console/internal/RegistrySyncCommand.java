package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.atalaya.api.anpr.VehicleRegistryLink;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/**
 * Syncs the hotlist with the Interior Ministry's vehicle registry now, rather than at the next
 * tick of the timer: after the registry was down, or to load a full snapshot again.
 */
@Service
@Command(scope = "atalaya", name = "registry-sync", description = "Syncs the hotlist with the vehicle registry now",
        detailedDescription = "Asks the registry for the changes since the version the hub holds and applies them,"
                + " or loads a full snapshot when the versions do not join up or --full is given. A scheduled sync"
                + " that is running ends first. What a failed sync applied before it failed stays applied.")
public class RegistrySyncCommand extends ConsultingAction {

    @Option(name = "--full", aliases = "-f", description = "Load a full snapshot even if the changes would do")
    private boolean full;

    // Optional: without the connector the command is still there, to say how to get it.
    @Reference(optional = true)
    private VehicleRegistryLink link;

    @Reference
    private Session session;

    @Override
    protected void run() throws Exception {
        if (link == null) {
            throw new CommandException(RegistryText.NOT_RUNNING);
        }
        consult(DataClass.HOTLIST, Access.WRITE, "atalaya:registry-sync" + (full ? " --full" : ""), List.of());
        // The progress line goes to the terminal itself, not into a pipe the report may go to.
        ImportProgress progress = new ImportProgress(session.getConsole(), ImportProgress.EVERY,
                RegistryText::loaded);
        VehicleRegistryLink.SyncReport report;
        try {
            report = link.sync(full, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(RegistryText.failed(e), e);
        } catch (Exception e) {
            throw new CommandException(RegistryText.failed(e), e);
        } finally {
            progress.clear();
        }
        RegistryText.report(report).forEach(System.out::println);
    }
}
