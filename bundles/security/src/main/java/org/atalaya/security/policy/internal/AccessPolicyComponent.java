package org.atalaya.security.policy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import org.atalaya.api.security.Access;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.security.Decision;
import org.atalaya.runtime.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The access policy over the configured agencies. It grants nothing by itself: an account that
 * no agency claims, a data class an agency was not granted, a purpose it may not give, all are
 * denied. Agencies come and go with their configuration files, without a restart.
 */
@Component(service = AccessPolicy.class, configurationPid = "org.atalaya.policy")
@Designate(ocd = PolicyConfiguration.class)
public class AccessPolicyComponent implements AccessPolicy {

    private final List<AgencyDefinition> definitions = new CopyOnWriteArrayList<>();
    private volatile Set<String> casePurposes = Set.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAgency(AgencyDefinition definition) {
        definitions.add(definition);
    }

    void removeAgency(AgencyDefinition definition) {
        definitions.remove(definition);
    }

    @Activate
    @Modified
    void configure(PolicyConfiguration config) {
        casePurposes = Set.copyOf(Settings.list(config.casePurposes()));
    }

    @Override
    public Optional<Agency> agencyOfRoles(Set<String> roles) {
        List<Agency> claiming = agencies().stream()
                .filter(agency -> agency.roles().stream().anyMatch(roles::contains)).toList();
        // an account that two agencies claim would act for both at once: the policy cannot
        // tell which grants apply, so it acts for none
        return claiming.size() == 1 ? Optional.of(claiming.get(0)) : Optional.empty();
    }

    @Override
    public Optional<Agency> agencyOfCertificate(String subject) {
        String normalised = normalisedSubject(subject);
        List<Agency> claiming = agencies().stream().filter(agency -> agency.certificates().contains(normalised))
                .toList();
        return claiming.size() == 1 ? Optional.of(claiming.get(0)) : Optional.empty();
    }

    @Override
    public Optional<Agency> agency(String name) {
        return agencies().stream().filter(agency -> agency.name().equals(name)).findFirst();
    }

    @Override
    public Collection<Agency> agencies() {
        return definitions.stream().map(AgencyDefinition::agency).collect(Collectors.toList());
    }

    @Override
    public boolean caseRequired(String purpose) {
        return purpose != null && casePurposes.contains(purpose);
    }

    @Override
    public Decision decide(Caller caller, DataClass data, Access access, String purpose, String caseReference) {
        Optional<Agency> acting = caller.agency() == null ? Optional.empty() : agency(caller.agency());
        if (acting.isEmpty()) {
            return Decision.deny("This account acts for no agency of the hub's policy.");
        }
        Agency agency = acting.get();
        if (!agency.may(data, access)) {
            return Decision.deny(agency.name() + " may not " + (access == Access.READ ? "consult " : "change ")
                    + data.id() + ".");
        }
        if (!data.personal() || access != Access.READ) {
            return Decision.allow();
        }
        if (purpose == null || purpose.isBlank()) {
            return Decision.incomplete("Consulting " + data.id() + " needs a purpose: one of "
                    + agency.purposes().stream().sorted().toList() + ".");
        }
        if (!agency.purposes().contains(purpose)) {
            return Decision.deny(agency.name() + " may not consult data for the purpose '" + purpose
                    + "'; its purposes are " + agency.purposes().stream().sorted().toList() + ".");
        }
        if (caseRequired(purpose) && (caseReference == null || caseReference.isBlank())) {
            return Decision.incomplete("The purpose '" + purpose + "' needs the reference of its case.");
        }
        return Decision.allow();
    }

    /** A distinguished name in one spelling, whatever the spacing and case of its attribute names. */
    static String normalisedSubject(String subject) {
        try {
            return new X500Principal(subject).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException notADistinguishedName) {
            return subject.trim().toLowerCase(Locale.ROOT);
        }
    }
}
