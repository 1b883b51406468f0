package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

class ShellUserTest {

    @Test
    void isTheSubjectsAccountWithItsRoles() {
        ShellUser agent = ShellUser.of(subject("agente-0417", "national-police", "viewer"));

        assertThat(agent.name()).isEqualTo("agente-0417");
        assertThat(agent.roles()).containsExactlyInAnyOrder("national-police", "viewer");
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
