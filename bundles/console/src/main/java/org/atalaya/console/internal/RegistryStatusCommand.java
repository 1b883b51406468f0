package org.atalaya.console.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.atalaya.api.anpr.VehicleRegistryLink;

/**
 * Where the hub's link to the Interior Ministry's vehicle registry stands. It shows versions,
 * counts and the link's health, not one entry, so it asks no policy, as {@code audit-verify}.
 */
@Service
@Command(scope = "atalaya", name = "registry-status",
        description = "Shows where the hub's link to the vehicle registry stands",
        detailedDescription = "Shows the hotlist source the registry keeps in step, the registry's address, the"
                + " version the hub holds and the registry's as last asked, how far behind the hub is and since"
                + " when, the entries listed, the last sync, attempt and failure, whether the list is stale, the"
                + " circuit breaker's state and the hit notices the registry acknowledged since the hub started.")
public class RegistryStatusCommand extends AtalayaAction {

    // Optional: without the connector the command is still there, to say how to get it.
    @Reference(optional = true)
    private VehicleRegistryLink link;

    @Override
    protected void run() throws Exception {
        if (link == null) {
            throw new CommandException(RegistryText.NOT_RUNNING);
        }
        RegistryText.status(link.status(), Instant.now()).forEach(System.out::println);
    }
}
