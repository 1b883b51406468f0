package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.Official;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;

/**
 * Confirms a face match as the shell's logged-in user, who must be a member of the recipient
 * agency, having looked at the frame: the match is actionable once enough distinct people did.
 */
@Service
@Command(scope = "atalaya", name = "face-confirm", description = "Confirms a face match as the logged-in user",
        detailedDescription = "Records that you verified the face match against the frame. A match may be acted"
                + " upon only once the required number of distinct people of the recipient agency confirmed it;"
                + " you can confirm a match once.")
public class FaceConfirmCommand extends ConsultingAction {

    @Argument(index = 0, name = "match-id", description = "The match's id (atalaya:face-matches)", required = true)
    private String matchId;

    @Reference
    private BiometricGuard guard;

    @Override
    protected void run() {
        String action = "atalaya:face-confirm";
        Caller caller = allowed(DataClass.FACE_MATCHES, Access.WRITE, action);
        record(caller, DataClass.FACE_MATCHES, Access.WRITE, action, List.of(matchId.strip()));
        // the guard, not the console, says whether this person's agency may confirm the match
        Official verifier = new Official(caller.person(), caller.agency());
        DeliveredMatch confirmed;
        try {
            confirmed = guard.confirm(matchId.strip(), verifier);
        } catch (GuardRefusal refusal) {
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
        System.out.println(FaceText.confirmed(confirmed, verifier.person(), guard.confirmationsRequired()));
    }
}
