package org.atalaya.console.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditVerification;

/** Walks the whole audit log and its seals; a broken log fails the command, after its findings. */
@Service
@Command(scope = "atalaya", name = "audit-verify", description = "Verifies the audit log's chain and seals",
        detailedDescription = "Reads every record of the audit log in order and checks each against its hash, its"
                + " link to the record before and the seals. Prints 'intact' with the counts, or one line per break"
                + " (altered, removed, reordered, broken link, seal mismatch) with where it is; then the command"
                + " fails, so that a script running it sees the break.")
public class AuditVerifyCommand extends AtalayaAction {

    @Reference
    private AuditLog log;

    @Override
    protected void run() throws Exception {
        AuditVerification verification = log.verify();
        if (verification.intact()) {
            System.out.println(AuditText.intact(verification));
            return;
        }
        ShellTable table = new ShellTable();
        table.column(AuditText.FINDING_COLUMNS.get(0)).align(HAlign.right);
        table.column(AuditText.FINDING_COLUMNS.get(1));
        table.column(AuditText.FINDING_COLUMNS.get(2)).maxSize(100).wrap();
        for (AuditVerification.Finding finding : verification.findings()) {
            table.addRow().addContent(AuditText.findingRow(finding).toArray());
        }
        table.print(System.out);
        throw new CommandException(AuditText.broken(verification));
    }
}
