package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.atalaya.api.face.Official;
import org.junit.jupiter.api.Test;

class ShellUserTest {

    @Test
    void actsForAnAgencyItsRolesMakeItAMemberOf() {
        ShellUser agent = ShellUser.of(subject("agente-0417", "national-police", "viewer"));

        assertThat(agent.actingFor("national-police")).isEqualTo(new Official("agente-0417", "national-police"));
        assertThat(agent.actingForOneOf("justice", "national-police"))
                .isEqualTo(new Official("agente-0417", "national-police"));
    }

    @Test
    void refusesToActForAnAgencyItIsNotAMemberOf() {
        ShellUser admin = ShellUser.of(subject("admin", "admin", "manager"));

        assertThatThrownBy(() -> admin.actingFor("national-police"))
                .hasMessage("'admin' is not a member of national-police (role national-police): only its people may"
                        + " do this.");
        assertThatThrownBy(() -> admin.actingForOneOf("national-police", "justice"))
                .hasMessageContaining("not a member of national-police or justice");
    }

    @Test
    void aSessionWithoutAUserActsForNoOne() {
        assertThatThrownBy(() -> ShellUser.of(null)).hasMessageContaining("No user is logged in");
        assertThatThrownBy(() -> ShellUser.of(new Subject())).hasMessageContaining("No user is logged in");
    }

    private static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        return subject;
    }
}
