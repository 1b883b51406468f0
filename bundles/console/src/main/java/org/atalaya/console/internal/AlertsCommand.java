package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertQuery;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** The alerts one agency received, newest first. */
@Service
@Command(scope = "atalaya", name = "alerts", description = "Lists the alerts an agency received, newest first")
public class AlertsCommand extends ConsultingAction {

    @Option(name = "--agency", description = "The agency", required = true)
    @Completion(PoliceAgencyCompleter.class)
    private String agency;

    @Option(name = "--kind", description = "Only alerts of this kind")
    @Completion(AlertKindCompleter.class)
    private String kind;

    @Option(name = "--plate", description = "Only alerts about this plate")
    private String plate;

    @Option(name = "--camera", description = "Only alerts from this camera")
    @Completion(CameraIdCompleter.class)
    private String camera;

    @Option(name = "--unacknowledged", description = "Only alerts no one at the agency has acknowledged")
    private boolean unacknowledged;

    @Option(name = "--before", description = "Only alerts numbered below this sequence (the next page)")
    private long before;

    @Option(name = "--limit", description = "At most this many alerts")
    private int limit = 20;

    @Reference
    private AlertRepository alerts;

    @Override
    protected void run() {
        String receiver = CommandArguments.policeAgency(agency);
        AlertQuery query = new AlertQuery(CommandArguments.alertKind(kind), CommandArguments.storedPlate(plate),
                camera == null || camera.isBlank() ? null : camera.strip(), 0, null, null,
                unacknowledged ? Boolean.FALSE : null, Math.max(0, before), CommandArguments.limit(limit));
        List<AgencyAlert> found = alerts.list(receiver, query);
        consult(DataClass.HITS, Access.READ, "atalaya:alerts --agency " + receiver,
                found.stream().map(AgencyAlert::id).toList());
        ShellTable table = new ShellTable().emptyTableText("no alerts");
        table.column("Sequence").align(HAlign.right);
        table.column("Raised at");
        table.column("Kind");
        table.column("Priority").align(HAlign.right);
        table.column("Plate");
        table.column("Camera");
        table.column("Acknowledged by");
        for (AgencyAlert alert : found) {
            table.addRow().addContent(AlertText.row(alert).toArray());
        }
        table.print(System.out);
        if (found.size() == query.limit()) {
            System.out.println("Next page: --before " + found.get(found.size() - 1).sequence());
        }
    }
}
