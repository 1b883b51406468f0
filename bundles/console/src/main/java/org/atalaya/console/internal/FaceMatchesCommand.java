package org.atalaya.console.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.MatchState;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;

/**
 * The face matches the biometric guard delivered to the recipient agency, newest first: what its
 * people verify. Only a member of that agency sees them, and the consultation is audited.
 */
@Service
@Command(scope = "atalaya", name = "face-matches",
        description = "Lists the face matches delivered to your agency, newest first")
public class FaceMatchesCommand extends ConsultingAction {

    @Option(name = "--state", description = "Only matches in this state: PENDING_VERIFICATION or ACTIONABLE")
    @Completion(FaceStatusCompleter.class)
    private String state;

    @Option(name = "--before", description = "Only matches numbered below this sequence (the next page)")
    private long before;

    @Option(name = "--limit", description = "At most this many matches")
    private int limit = 20;

    @Reference
    private BiometricGuard guard;

    @Override
    protected void run() {
        String action = "atalaya:face-matches";
        Caller caller = allowed(DataClass.FACE_MATCHES, Access.READ, action);
        // the guard delivers to one agency: any other sees no match
        String agency = caller.agency();
        MatchQuery query = new MatchQuery(state(state), null, Math.max(0, before), CommandArguments.limit(limit));
        List<DeliveredMatch> found;
        try {
            found = guard.matches(agency, query);
        } catch (GuardRefusal refusal) {
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
        record(caller, DataClass.FACE_MATCHES, Access.READ, action,
                found.stream().map(delivered -> delivered.match().id()).toList());
        ShellTable table = new ShellTable().emptyTableText("no face matches");
        for (String column : FaceText.MATCH_COLUMNS) {
            table.column(column).align(column.equals("Sequence") || column.equals("Similarity") ? HAlign.right
                    : HAlign.left);
        }
        for (DeliveredMatch delivered : found) {
            table.addRow().addContent(FaceText.matchRow(delivered).toArray());
        }
        table.print(System.out);
        System.out.println(guard.confirmationsRequired() + " people of " + agency
                + " must confirm a match before anyone acts on it: atalaya:face-confirm <id>");
        if (found.size() == query.limit()) {
            System.out.println("Next page: --before " + found.get(found.size() - 1).sequence());
        }
    }

    private static MatchState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MatchState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--state takes PENDING_VERIFICATION or ACTIONABLE, not '"
                    + text.strip() + "'");
        }
    }
}
