package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** Pages through the hotlist by id. */
@Service
@Command(scope = "atalaya", name = "hotlist-list", description = "Lists hotlist entries by id, a page at a time")
public class HotlistListCommand extends ConsultingAction {

    @Option(name = "--plate", description = "Only the entries of this plate")
    private String plate;

    @Option(name = "--after", description = "Only entries with a greater id (the next page)")
    private long after;

    @Option(name = "--limit", description = "At most this many entries")
    private int limit = 50;

    @Reference
    private Hotlist hotlist;

    @Override
    protected void run() {
        int pageSize = CommandArguments.limit(limit);
        String normalised = null;
        if (plate != null && !plate.isBlank()) {
            normalised = hotlist.check(plate, null).plate();
            if (normalised == null) {
                throw new IllegalArgumentException("'" + plate + "' is not a plate: letters and digits only,"
                        + " separators aside");
            }
        }
        List<HotlistEntry> entries = hotlist.list(normalised, Math.max(0, after), pageSize);
        consult(DataClass.HOTLIST, Access.READ, "atalaya:hotlist-list",
                entries.stream().map(entry -> String.valueOf(entry.id())).toList());
        ShellTable table = new ShellTable().emptyTableText("no entries");
        for (String column : HotlistText.ENTRY_COLUMNS) {
            table.column(column).align(column.equals("Id") || column.equals("Priority") ? HAlign.right : HAlign.left);
        }
        for (HotlistEntry entry : entries) {
            table.addRow().addContent(HotlistText.entryRow(entry).toArray());
        }
        table.print(System.out);
        long size = hotlist.size();
        System.out.println(HotlistText.count(size) + (size == 1 ? " entry" : " entries") + " on the hotlist");
        if (entries.size() == pageSize) {
            System.out.println("Next page: --after " + entries.get(entries.size() - 1).id());
        }
    }
}
