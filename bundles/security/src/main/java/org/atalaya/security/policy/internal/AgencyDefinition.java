package org.atalaya.security.policy.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atalaya.api.security.Access;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.DataClass;
import org.atalaya.runtime.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agency of the policy, from its factory configuration; {@link AccessPolicyComponent}
 * collects them. A configuration that names an unknown data class is refused whole, so that a
 * typo never widens or silently narrows what an agency may do.
 */
@Component(service = AgencyDefinition.class, configurationPid = AgencyDefinition.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AgencyConfiguration.class, factory = true)
public class AgencyDefinition {

    static final String FACTORY_PID = "org.atalaya.agency";

    private static final Logger LOG = LoggerFactory.getLogger(AgencyDefinition.class);

    private Agency agency;

    @Activate
    void activate(AgencyConfiguration config) {
        agency = agency(config);
        LOG.info("Agency {}: roles {}, {} certificate(s), grants {}, purposes {}", agency.name(), agency.roles(),
                agency.certificates().size(), agency.grants(), agency.purposes());
    }

    Agency agency() {
        return agency;
    }

    static Agency agency(AgencyConfiguration config) {
        String name = config.name() == null ? "" : config.name().trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an agency configuration needs a name");
        }
        Map<DataClass, Set<Access>> grants = new EnumMap<>(DataClass.class);
        grant(grants, Settings.list(config.read()), Access.READ);
        grant(grants, Settings.list(config.write()), Access.WRITE);
        Set<String> certificates = new LinkedHashSet<>();
        Arrays.stream(config.certificates().split(";")).map(String::trim).filter(dn -> !dn.isEmpty())
                .map(AccessPolicyComponent::normalisedSubject).forEach(certificates::add);
        return new Agency(name, Set.copyOf(Settings.list(config.roles())), certificates, grants,
                Set.copyOf(Settings.list(config.purposes())));
    }

    private static void grant(Map<DataClass, Set<Access>> grants, List<String> classes, Access access) {
        for (String id : classes) {
            grants.computeIfAbsent(DataClass.of(id), any -> EnumSet.noneOf(Access.class)).add(access);
        }
    }
}
