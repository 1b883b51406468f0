package org.atalaya.console.internal;

import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** Finds who consulted or disclosed what, oldest first, a page at a time. */
@Service
@Command(scope = "atalaya", name = "audit-search", description = "Searches the audit log, oldest first",
        detailedDescription = "Lists the consultations and disclosures matching every option given, oldest first."
                + " Dates are days of the hub's time zone; --until is exclusive, a date taking in the whole day.")
public class AuditSearchCommand extends ConsultingAction {

    @Option(name = "--agency", description = "Only calls made for this agency")
    @Completion(PoliceAgencyCompleter.class)
    private String agency;

    @Option(name = "--person", description = "Only calls by this account")
    private String person;

    @Option(name = "--data-class", description = "Only calls on this data class (plate-reads, hits, audit ...)")
    @Completion(DataClassCompleter.class)
    private String dataClass;

    @Option(name = "--subject", description = "Only calls naming this record id or plate among their subjects")
    private String subject;

    @Option(name = "--of-purpose", description = "Only calls for this purpose")
    private String ofPurpose;

    @Option(name = "--of-case", description = "Only calls for this case reference")
    private String ofCase;

    @Option(name = "--outcome", description = "Only calls whose outcome starts with this (allowed, denied ...)")
    private String outcome;

    @Option(name = "--since", description = "Only calls at or after this instant or date")
    private String since;

    @Option(name = "--until", description = "Only calls before this instant, or up to the end of this date")
    private String until;

    @Option(name = "--after", description = "Only records numbered above this (the next page)")
    private long after;

    @Option(name = "--limit", description = "At most this many records")
    private int limit = 50;

    @Reference
    private AuditLog log;

    @Override
    protected void run() {
        ZoneId zone = ZoneId.systemDefault();
        AuditQuery query = new AuditQuery(AuditArguments.criterion(agency), AuditArguments.criterion(person),
                AuditArguments.dataClass(dataClass), AuditArguments.criterion(subject),
                AuditArguments.criterion(ofPurpose), AuditArguments.criterion(ofCase),
                AuditArguments.criterion(outcome), AuditArguments.since(since, zone),
                AuditArguments.until(until, zone), AuditArguments.after(after), CommandArguments.limit(limit));
        List<AuditRecord> found = log.search(query);
        consult(DataClass.AUDIT, Access.READ, "atalaya:audit-search",
                found.stream().map(record -> String.valueOf(record.sequence())).toList());
        ShellTable table = new ShellTable().emptyTableText("no records");
        for (String column : AuditText.RECORD_COLUMNS) {
            Col col = table.column(column).align(column.equals("Sequence") ? HAlign.right : HAlign.left);
            if (column.equals("Subjects") || column.equals("Action")) {
                col.maxSize(40);
            }
        }
        for (AuditRecord record : found) {
            table.addRow().addContent(AuditText.recordRow(record).toArray());
        }
        table.print(System.out);
        if (found.size() == query.limit()) {
            System.out.println("Next page: --after " + found.get(found.size() - 1).sequence());
        }
    }
}
