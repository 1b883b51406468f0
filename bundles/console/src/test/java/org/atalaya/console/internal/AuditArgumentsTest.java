package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class AuditArgumentsTest {

    private static final ZoneId CEUTA = ZoneId.of("Africa/Ceuta");

    @Test
    void aSearchStartsAtAnInstantAnOffsetDateTimeOrTheFirstMomentOfADay() {
        assertThat(AuditArguments.since("2026-11-21T09:00:00Z", CEUTA)).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(AuditArguments.since("2026-11-21T10:00+01:00", CEUTA))
                .isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(AuditArguments.since("2026-11-21", CEUTA)).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(AuditArguments.since(" ", CEUTA)).isNull();
        assertThat(AuditArguments.since(null, CEUTA)).isNull();
    }

    @Test
    void aSearchUntilADateTakesInTheWholeDay() {
        assertThat(AuditArguments.until("2026-11-21", CEUTA)).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
        assertThat(AuditArguments.until("2026-11-21T09:00:00Z", CEUTA))
                .isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
    }

    @Test
    void aTimeThatCannotBeReadSaysWhatIsExpected() {
        assertThatThrownBy(() -> AuditArguments.since("yesterday", CEUTA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--since takes an instant").hasMessageEndingWith("not 'yesterday'");
        assertThatThrownBy(() -> AuditArguments.until("21/11/2026", CEUTA))
                .hasMessageStartingWith("--until takes an instant");
    }

    @Test
    void aDataClassIsNamedAsTheLogNamesIt() {
        assertThat(AuditArguments.dataClass("PLATE_READS")).isEqualTo("plate-reads");
        assertThat(AuditArguments.dataClass("face-matches")).isEqualTo("face-matches");
        assertThat(AuditArguments.dataClass("")).isNull();
        assertThatThrownBy(() -> AuditArguments.dataClass("weather")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a data class");
    }

    @Test
    void criteriaAreTrimmedAndBlankOnesLeftOut() {
        assertThat(AuditArguments.criterion(" agente-17 ")).isEqualTo("agente-17");
        assertThat(AuditArguments.criterion("  ")).isNull();
        assertThat(AuditArguments.after(0)).isZero();
        assertThatThrownBy(() -> AuditArguments.after(-1)).hasMessageContaining("--after");
    }
}
