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
        policy.configure(new PolicyConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PolicyConfiguration.class;
            }

            @Override
            public String[] casePurposes() {
                return new String[] {casePurposes};
            }
        });
        for (String[] agency : agencies) {
            policy.addAgency(AccessPolicyComponentTest.definition(agency[0], agency[1], agency[2], agency[3],
                    agency[4], agency[5]));
        }
        return policy;
    }
}
