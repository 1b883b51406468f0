package org.atalaya.console.internal;

import java.security.AccessController;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
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
        Subject subject = Subject.getSubject(AccessController.getContext());
        String person = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse(null);
        Set<String> roles = new TreeSet<>();
        if (subject != null) {
            subject.getPrincipals(RolePrincipal.class).forEach(role -> roles.add(role.getName()));
        }
        String agency = policy.agencyOfRoles(roles).map(Agency::name).orElse(null);
        Decision decision = policy.decide(new Caller(person, roles, agency), data, access, blankToNull(purpose),
                blankToNull(caseReference));
        String outcome = decision.isAllowed() ? "allowed"
                : decision.outcome() == Decision.Outcome.DENIED ? "denied" : "refused";
        audit.append(new AuditEntry(Instant.now(), agency, person, action, data.id(),
                decision.isAllowed() ? subjects : List.of(), blankToNull(purpose), blankToNull(caseReference), outcome,
                decision.isAllowed() && access == Access.READ && agency != null ? List.of(agency) : List.of(),
                decision.isAllowed() ? null : decision.reason()));
        if (!decision.isAllowed()) {
            throw new IllegalArgumentException(decision.reason());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
