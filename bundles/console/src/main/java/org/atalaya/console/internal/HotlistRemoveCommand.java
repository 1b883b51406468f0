package org.atalaya.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** Takes entries off the hotlist by id; reads are no longer checked against them. */
@Service
@Command(scope = "atalaya", name = "hotlist-remove", description = "Removes hotlist entries by id")
public class HotlistRemoveCommand extends ConsultingAction {

    @Argument(index = 0, name = "ids", description = "The ids of the entries (hotlist-list shows them)",
            required = true, multiValued = true)
    private List<String> ids;

    @Reference
    private Hotlist hotlist;

    @Override
    protected void run() {
        // Every id is read before any entry goes, so that a typo removes nothing.
        List<Long> entryIds = new ArrayList<>(ids.size());
        for (String id : ids) {
            entryIds.add(CommandArguments.entryId(id));
        }
        consult(DataClass.HOTLIST, Access.WRITE, "atalaya:hotlist-remove",
                entryIds.stream().map(String::valueOf).toList());
        List<Long> unknown = new ArrayList<>();
        for (long id : entryIds) {
            Optional<HotlistEntry> removed = hotlist.remove(id);
            if (removed.isPresent()) {
                System.out.println("Removed " + HotlistText.entry(removed.get()));
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "no hotlist entry " : "no hotlist entries ")
                    + String.join(", ", unknown.stream().map(String::valueOf).toList()));
        }
    }
}
