package org.atalaya.security.policy.internal;

import java.lang.annotation.Annotation;

import org.atalaya.api.security.AccessPolicy;

/** The hub's own access policy over agencies a test describes, for tests of other packages. */
public final class TestPolicies {

    private TestPolicies() {
    }

    /**
     * @param casePurposes the purposes that must name their case
     * @param agencies     each: name, roles, certificates, read, write, purposes (comma-separated)
     */
    public static AccessPolicy policy(String casePurposes, String[]... agencies) {
        AccessPolicyComponent policy = new AccessPolicyComponent();
        policy.configure(casePurposes(casePurposes));
        for (String[] agency : agencies) {
            policy.addAgency(definition(agency[0], agency[1], agency[2], agency[3],
                    agency[4], agency[5]));
        }
        return policy;
    }

    /** The policy's configuration: these purposes must name their case. */
    static PolicyConfiguration casePurposes(String purposes) {
        return new PolicyConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PolicyConfiguration.class;
            }

            @Override
            public String[] casePurposes() {
                return new String[] {purposes};
            }
        };
    }

    /** An agency of the policy, as its etc/org.atalaya.agency-*.cfg would give it. */
    static AgencyDefinition definition(String name, String roles, String certificates, String read, String write,
            String purposes) {
        AgencyDefinition definition = new AgencyDefinition();
        definition.activate(new AgencyConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AgencyConfiguration.class;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String[] roles() {
                return new String[] {roles};
            }

            @Override
            public String certificates() {
                return certificates;
            }

            @Override
            public String[] read() {
                return new String[] {read};
            }

            @Override
            public String[] write() {
                return new String[] {write};
            }

            @Override
            public String[] purposes() {
                return new String[] {purposes};
            }
        });
        return definition;
    }
}
