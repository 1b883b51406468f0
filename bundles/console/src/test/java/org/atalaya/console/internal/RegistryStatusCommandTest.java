package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.support.CommandException;
import org.atalaya.api.anpr.VehicleRegistryLink.Status;
import org.junit.jupiter.api.Test;

class RegistryStatusCommandTest {

    @Test
    void printsWhereTheLinkStands() throws Exception {
        Instant lastSync = Instant.now().minus(Duration.ofMinutes(125));
        StubRegistryLink registry = new StubRegistryLink().status(new Status("interior-ministry",
                "https://registry.interior.example/vehicle-registry/v1", 1042, 1045, 1_249_310, lastSync,
                lastSync.plusSeconds(60), "ServiceUnavailableFault: maintenance", true, Duration.ofMinutes(15), "OPEN",
                12));

        String printed = ShellHarness.execute(ShellHarness.inject(new RegistryStatusCommand(), registry),
                ShellHarness.user("admin", "admin"));

        assertThat(printed.lines()).containsExactly(
                "Source           interior-ministry",
                "Address          https://registry.interior.example/vehicle-registry/v1",
                "Hub version      1042",
                "Registry version 1045",
                "Lag              3 versions behind, 2 h 5 min since the last sync",
                "Entries          1,249,310",
                "Last sync        " + HotlistText.instant(lastSync),
                "Last attempt     " + HotlistText.instant(lastSync.plusSeconds(60)),
                "Last failure     ServiceUnavailableFault: maintenance",
                "State            STALE: no successful sync for more than 15 min",
                "Breaker          OPEN (the registry is not called until it half-opens)",
                "Hit notices      12 acknowledged by the registry since the hub started");
    }

    @Test
    void withoutTheConnectorItSaysHowToInstallIt() {
        // the reference is optional, so the shell keeps the command when no connector is there
        RegistryStatusCommand command = ShellHarness.inject(new RegistryStatusCommand());

        assertThatThrownBy(() -> ShellHarness.execute(command, ShellHarness.user("admin", "admin")))
                .isInstanceOf(CommandException.class)
                .hasMessage(RegistryText.NOT_RUNNING)
                .hasMessageContaining("feature:install atalaya-vehicle-registry");
    }
}
