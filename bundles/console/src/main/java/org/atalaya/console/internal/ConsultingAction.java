package org.atalaya.console.internal;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.security.Decision;

/**
 * A command that reads or changes data the access policy governs. The shell's logged-in user
 * acts for the agency its roles belong to (an administrator for {@code admin}); the policy
 * decides as it does for REST, a consultation of personal data needs {@code --purpose} (and
 * {@code --case} where the purpose requires one), and every use, allowed or not, is written to
 * the audit log before anything is shown or changed.
 */
public abstract class ConsultingAction extends AtalayaAction {

    @Option(name = "--purpose", description = "Why the data is consulted: one of the purposes the account's agency"
            + " may give (personal data only)")
    protected String purpose;

    @Option(name = "--case", description = "The case reference, for purposes that need one")
    protected String caseReference;

    @Reference
    private AccessPolicy policy;

    @Reference
    private AuditLog audit;

    /**
     * Asks the policy, and records the use with the records it concerns.
     *
     * @param action   what the command does, as the audit log shows it ({@code atalaya:plate-check})
     * @param subjects the record ids or plates it shows or changes
     * @throws IllegalArgumentException when the policy refuses, with its reason
     */
    protected void consult(DataClass data, Access access, String action, List<String> subjects) {
        record(allowed(data, access, action), data, access, action, subjects);
    }

    /**
     * Asks the policy before the command does anything, for a command that must know whom it
     * acts as first; a refusal is recorded and thrown. Record the use with {@link #record} once
     * the command knows what it concerns.
     *
     * @return the caller, acting for the agency the policy found for its roles
     */
    protected Caller allowed(DataClass data, Access access, String action) {
        ShellUser user = ShellUser.current();
        Caller caller = new Caller(user.name(), user.roles(),
                policy.agencyOfRoles(user.roles()).map(Agency::name).orElse(null));
        Decision decision = policy.decide(caller, data, access, blankToNull(purpose), blankToNull(caseReference));
        if (!decision.isAllowed()) {
            audit.append(entry(caller, data, action, List.of(),
                    decision.outcome() == Decision.Outcome.DENIED ? "denied" : "refused", List.of(),
                    decision.reason()));
            throw new IllegalArgumentException(decision.reason());
        }
        return caller;
    }

    /** Records an allowed use, before its result is shown. */
    protected void record(Caller caller, DataClass data, Access access, String action, List<String> subjects) {
        audit.append(entry(caller, data, action, subjects, "allowed",
                access == Access.READ ? List.of(caller.agency()) : List.of(), null));
    }

    private AuditEntry entry(Caller caller, DataClass data, String action, List<String> subjects, String outcome,
            List<String> recipients, String detail) {
        return new AuditEntry(Instant.now(), caller.agency(), caller.person(), action, data.id(), subjects,
                blankToNull(purpose), blankToNull(caseReference), outcome, recipients, detail);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
