package org.atalaya.console.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;

/** The authorisations of face recognition, newest request first: for the police and justice. */
@Service
@Command(scope = "atalaya", name = "face-authorisations",
        description = "Lists the authorisations of face recognition and the urgent requests")
public class FaceAuthorisationsCommand extends ConsultingAction {

    @Option(name = "--status", description = "Only those in this status: REQUESTED_URGENT, GRANTED, REFUSED or EXPIRED")
    @Completion(FaceStatusCompleter.class)
    private String status;

    @Reference
    private BiometricGuard guard;

    @Override
    protected void run() {
        String action = "atalaya:face-authorisations";
        Caller caller = allowed(DataClass.FACE_MATCHES, Access.READ, action);
        // the guard shows an agency only the authorisations it may see
        String agency = caller.agency();
        List<Authorisation> found;
        try {
            found = guard.authorisations(agency, status(status));
        } catch (GuardRefusal refusal) {
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
        record(caller, DataClass.FACE_MATCHES, Access.READ, action, found.stream().map(Authorisation::id).toList());
        ShellTable table = new ShellTable().emptyTableText("no authorisations");
        FaceText.AUTHORISATION_COLUMNS.forEach(table::column);
        for (Authorisation authorisation : found) {
            table.addRow().addContent(FaceText.authorisationRow(authorisation).toArray());
        }
        table.print(System.out);
    }

    private static AuthorisationStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuthorisationStatus.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--status takes REQUESTED_URGENT, GRANTED, REFUSED or EXPIRED, not '"
                    + text.strip() + "'");
        }
    }
}
