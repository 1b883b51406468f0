package org.atalaya.security.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.atalaya.api.security.Access;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.security.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessPolicyComponentTest {

    private final AccessPolicyComponent policy = new AccessPolicyComponent();

    @BeforeEach
    void configure() {
        policy.configure(TestPolicies.casePurposes("investigation, judicial-proceedings"));
        policy.addAgency(TestPolicies.definition("local-police", "local-police", "", "hits, hotlist, devices", "hotlist",
                "prevention, investigation"));
        policy.addAgency(TestPolicies.definition("data-protection-officer", "dpo", "CN=DPO Ceuta, O=Ciudad Autonoma de Ceuta, C=ES",
                "audit", "", "supervision"));
        policy.addAgency(TestPolicies.definition("anpr-cameras", "anpr-camera", "", "", "plate-reads", ""));
    }

    @Test
    void anAccountActsForTheAgencyThatClaimsItsRole() {
        assertThat(policy.agencyOfRoles(Set.of("local-police", "viewer"))).get()
                .extracting(agency -> agency.name()).isEqualTo("local-police");
        assertThat(policy.agencyOfRoles(Set.of("viewer"))).isEmpty();
    }

    @Test
    void anAccountThatTwoAgenciesClaimActsForNone() {
        assertThat(policy.agencyOfRoles(Set.of("local-police", "dpo"))).isEmpty();
    }

    @Test
    void aCertificateSubjectMatchesWhateverItsSpacingAndCase() {
        assertThat(policy.agencyOfCertificate("cn=DPO Ceuta,o=Ciudad Autonoma de Ceuta,c=ES")).get()
                .extracting(agency -> agency.name()).isEqualTo("data-protection-officer");
        assertThat(policy.agencyOfCertificate("CN=Someone Else, C=ES")).isEmpty();
    }

    @Test
    void aConsultationWithAGrantedClassAndPurposeIsAllowed() {
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, "prevention", null).isAllowed()).isTrue();
    }

    @Test
    void whatIsNotGrantedIsDenied() {
        assertThat(policy.decide(police(), DataClass.FACE_MATCHES, Access.READ, "prevention", null).outcome())
                .isEqualTo(Outcome.DENIED);
        assertThat(policy.decide(police(), DataClass.DEVICES, Access.WRITE, null, null).outcome())
                .isEqualTo(Outcome.DENIED);
        assertThat(policy.decide(police(), DataClass.AUDIT, Access.READ, "prevention", null).outcome())
                .isEqualTo(Outcome.DENIED);
    }

    @Test
    void aCallerOfNoAgencyIsDeniedEverything() {
        Caller nobody = new Caller("visitor", Set.of("viewer"), null);
        for (DataClass data : DataClass.values()) {
            for (Access access : Access.values()) {
                assertThat(policy.decide(nobody, data, access, "prevention", "C-1").outcome())
                        .as("%s %s", access, data).isEqualTo(Outcome.DENIED);
            }
        }
    }

    @Test
    void consultingPersonalDataWithoutAPurposeIsIncomplete() {
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, null, null).outcome())
                .isEqualTo(Outcome.INCOMPLETE);
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, " ", null).outcome())
                .isEqualTo(Outcome.INCOMPLETE);
    }

    @Test
    void aPurposeTheAgencyMayNotGiveIsDenied() {
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, "curiosity", null).outcome())
                .isEqualTo(Outcome.DENIED);
    }

    @Test
    void anInvestigationMustNameItsCase() {
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, "investigation", null).outcome())
                .isEqualTo(Outcome.INCOMPLETE);
        assertThat(policy.decide(police(), DataClass.HITS, Access.READ, "investigation", "DP-2026-0042")
                .isAllowed()).isTrue();
    }

    @Test
    void dataThatIsNotPersonalAndWritesNeedNoPurpose() {
        assertThat(policy.decide(police(), DataClass.DEVICES, Access.READ, null, null).isAllowed()).isTrue();
        assertThat(policy.decide(new Caller("cam-7", Set.of("anpr-camera"), "anpr-cameras"), DataClass.PLATE_READS,
                Access.WRITE, null, null).isAllowed()).isTrue();
    }

    @Test
    void aRemovedAgencyLosesItsGrantsAtOnce() {
        AccessPolicyComponent alone = new AccessPolicyComponent();
        AgencyDefinition police = TestPolicies.definition("local-police", "local-police", "", "hits", "", "prevention");
        alone.addAgency(police);
        assertThat(alone.decide(police(), DataClass.HITS, Access.READ, "prevention", null).isAllowed()).isTrue();
        alone.removeAgency(police);
        assertThat(alone.decide(police(), DataClass.HITS, Access.READ, "prevention", null).outcome())
                .isEqualTo(Outcome.DENIED);
    }

    @Test
    void aConfigurationNamingAnUnknownDataClassIsRefusedWhole() {
        assertThatThrownBy(() -> TestPolicies.definition("fire-service", "fire", "", "fire, fires", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fires' is not a data class");
    }

    private static Caller police() {
        return new Caller("agent-0417", Set.of("local-police"), "local-police");
    }
}
