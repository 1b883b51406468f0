package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.shell.support.CommandException;
import org.atalaya.api.anpr.VehicleRegistryLink.SyncReport;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.security.Decision;
import org.junit.jupiter.api.Test;

class RegistrySyncCommandTest {

    private static final Subject ADMIN = ShellHarness.user("admin", "admin");
    private static final SyncReport SNAPSHOT = new SyncReport("SNAPSHOT", 1042, 2000, 250_000, 0, 3, 2, 250_000,
            Duration.ofMillis(8_400));

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final StubRegistryLink registry = new StubRegistryLink();

    /** The command as the shell makes it, with the connector's link when one is given. */
    private RegistrySyncCommand command(StubRegistryLink... link) {
        List<Object> services = new ArrayList<>(List.of(new AdminPolicy(), audit,
                ShellHarness.session(new PrintStream(terminal, true, StandardCharsets.UTF_8))));
        services.addAll(List.of(link));
        return ShellHarness.inject(new RegistrySyncCommand(), services.toArray());
    }

    private String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSnapshotShowsItsProgressOnTheTerminalThenTheReport() throws Exception {
        registry.answers(SNAPSHOT, 50_000, 100_000, 150_000, 200_000, 250_000);

        String printed = ShellHarness.execute(command(registry), ADMIN);

        assertThat(registry.syncs()).containsExactly(false);
        String last = "Loaded 200,000 entries\u2026";
        assertThat(terminal()).isEqualTo("\rLoaded 100,000 entries\u2026\r" + last
                + "\r" + " ".repeat(last.length()) + "\r");
        // the progress stays off the output, which may be piped
        assertThat(printed.lines()).containsExactly(
                "SNAPSHOT: version 1042 \u2192 2000 in 8.4 s",
                "250,000 added, 0 updated, 3 removed, 2 rejected; 250,000 entries listed");
    }

    @Test
    void fullAsksForASnapshotAndIsAudited() throws Exception {
        registry.answers(SNAPSHOT);

        ShellHarness.execute(ShellHarness.option(command(registry), "full", true), ADMIN);

        assertThat(registry.syncs()).containsExactly(true);
        AuditEntry entry = audit.last();
        assertThat(entry.action()).isEqualTo("atalaya:registry-sync --full");
        assertThat(entry.person()).isEqualTo("admin");
        assertThat(entry.agency()).isEqualTo("admin");
        assertThat(entry.dataClass()).isEqualTo("hotlist");
        assertThat(entry.outcome()).isEqualTo("allowed");
    }

    @Test
    void changesThatLoadNoSnapshotShowNoProgress() throws Exception {
        registry.answers(new SyncReport("CHANGES", 1042, 1045, 4, 1, 2, 0, 1_249_312, Duration.ofMillis(310)));

        String printed = ShellHarness.execute(command(registry), ADMIN);

        assertThat(terminal()).isEmpty();
        assertThat(printed.lines()).containsExactly(
                "CHANGES: version 1042 \u2192 1045 in 0.3 s",
                "4 added, 1 updated, 2 removed, 0 rejected; 1,249,312 entries listed");
    }

    @Test
    void aFailedSyncFailsTheCommandWithItsMessageAndWipesTheProgress() {
        registry.fails(new IllegalStateException("snapshot page of version 2001 in a snapshot of version 2000"),
                100_000);
        RegistrySyncCommand command = command(registry);

        assertThatThrownBy(() -> ShellHarness.execute(command, ADMIN))
                .isInstanceOf(CommandException.class)
                .hasMessage("the sync failed: snapshot page of version 2001 in a snapshot of version 2000"
                        + " (what was applied before the failure stays applied)");
        String line = "Loaded 100,000 entries\u2026";
        assertThat(terminal()).isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }

    @Test
    void withoutTheConnectorItSaysHowToInstallIt() {
        // the reference is optional, so the shell keeps the command when no connector is there
        RegistrySyncCommand command = command();

        assertThatThrownBy(() -> ShellHarness.execute(command, ADMIN))
                .isInstanceOf(CommandException.class)
                .hasMessage(RegistryText.NOT_RUNNING)
                .hasMessageContaining("feature:install atalaya-vehicle-registry");
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void anAccountThatMayNotChangeTheHotlistDoesNotSync() {
        RegistrySyncCommand command = command(registry);

        assertThatThrownBy(() -> ShellHarness.execute(command, ShellHarness.user("operator", "viewer")))
                .isInstanceOf(CommandException.class)
                .hasMessage("no agency claims the roles [viewer]");
        assertThat(registry.syncs()).isEmpty();
        assertThat(audit.last().outcome()).isEqualTo("denied");
    }

    /** The shipped policy's administrators, who may change the hotlist; everyone else is refused. */
    private static final class AdminPolicy implements AccessPolicy {

        private static final Agency ADMIN = new Agency("admin", Set.of("admin"), Set.of(),
                Map.of(DataClass.HOTLIST, Set.of(Access.READ, Access.WRITE)), Set.of("administration"));

        @Override
        public Optional<Agency> agencyOfRoles(Set<String> roles) {
            return roles.contains("admin") ? Optional.of(ADMIN) : Optional.empty();
        }

        @Override
        public Optional<Agency> agencyOfCertificate(String subject) {
            return Optional.empty();
        }

        @Override
        public Optional<Agency> agency(String name) {
            return ADMIN.name().equals(name) ? Optional.of(ADMIN) : Optional.empty();
        }

        @Override
        public Collection<Agency> agencies() {
            return List.of(ADMIN);
        }

        @Override
        public Decision decide(Caller caller, DataClass data, Access access, String purpose, String caseReference) {
            if (caller.agency() == null) {
                return Decision.deny("no agency claims the roles " + caller.roles());
            }
            return agency(caller.agency()).filter(agency -> agency.may(data, access)).isPresent() ? Decision.allow()
                    : Decision.deny(caller.agency() + " may not " + access.id() + " " + data.id());
        }

        @Override
        public boolean caseRequired(String purpose) {
            return false;
        }
    }
}
