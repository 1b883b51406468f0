package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.HotlistCategory;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void validUntilTakesAnInstant() {
        assertThat(CommandArguments.validUntil("2026-01-31T23:00:00Z", MADRID))
                .isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    }

    @Test
    void validUntilTakesADateTimeWithAnOffset() {
        assertThat(CommandArguments.validUntil("2026-01-31T23:00+01:00", MADRID))
                .isEqualTo(Instant.parse("2026-01-31T22:00:00Z"));
    }

    @Test
    void aDateKeepsTheEntryListedToTheEndOfThatDayInTheHubsZone() {
        assertThat(CommandArguments.validUntil("2026-01-31", MADRID))
                .isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(CommandArguments.validUntil(" 2026-07-31 ", MADRID))
                .isEqualTo(Instant.parse("2026-07-31T22:00:00Z"));
    }

    @Test
    void noValidUntilMeansNoEnd() {
        assertThat(CommandArguments.validUntil(null, MADRID)).isNull();
        assertThat(CommandArguments.validUntil("  ", MADRID)).isNull();
    }

    @Test
    void aValidUntilThatIsNeitherAnInstantNorADateSaysWhatIsExpected() {
        assertThatThrownBy(() -> CommandArguments.validUntil("31/01/2026", MADRID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--valid-until takes an instant (2026-01-31T23:00:00Z) or a date (2026-01-31),"
                        + " not '31/01/2026'");
        assertThatThrownBy(() -> CommandArguments.validUntil("2026-02-30", MADRID))
                .hasMessageContaining("not '2026-02-30'");
    }

    @Test
    void categoriesAreReadInAnyCaseWithDashesOrUnderscores() {
        assertThat(CommandArguments.category("STOLEN_VEHICLE")).isEqualTo(HotlistCategory.STOLEN_VEHICLE);
        assertThat(CommandArguments.category("stolen-vehicle")).isEqualTo(HotlistCategory.STOLEN_VEHICLE);
        assertThat(CommandArguments.category(" clone_suspicion ")).isEqualTo(HotlistCategory.CLONE_SUSPICION);
    }

    @Test
    void anUnknownCategoryListsTheKnownOnes() {
        assertThatThrownBy(() -> CommandArguments.category("STOLEN"))
                .hasMessage("unknown category 'STOLEN'; one of STOLEN_VEHICLE, STOLEN_OR_INVALIDATED_PLATE,"
                        + " WANTED_PERSON_VEHICLE, CLONE_SUSPICION, OTHER");
        assertThatThrownBy(() -> CommandArguments.category(null)).hasMessageStartingWith("unknown category ''");
    }

    @Test
    void alertKindsAreOptional() {
        assertThat(CommandArguments.alertKind(null)).isNull();
        assertThat(CommandArguments.alertKind("past_hit")).isEqualTo(AlertKind.PAST_HIT);
        assertThat(CommandArguments.alertKind("past-hit")).isEqualTo(AlertKind.PAST_HIT);
        assertThatThrownBy(() -> CommandArguments.alertKind("MISS"))
                .hasMessage("unknown alert kind 'MISS'; one of HIT, PAST_HIT, CLONE, HIT_DETAILS, SYSTEM");
    }

    @Test
    void countriesAreTwoLatinLettersInUpperCase() {
        assertThat(CommandArguments.country("es")).isEqualTo("ES");
        assertThat(CommandArguments.country(" MA ")).isEqualTo("MA");
        assertThat(CommandArguments.country(null)).isNull();
        assertThat(CommandArguments.country("")).isNull();
        assertThatThrownBy(() -> CommandArguments.country("ESP"))
                .hasMessage("--country takes an ISO 3166-1 alpha-2 code such as ES or MA, not 'ESP'");
        assertThatThrownBy(() -> CommandArguments.country("E1")).hasMessageContaining("not 'E1'");
        assertThatThrownBy(() -> CommandArguments.country("\u00C9S")).hasMessageContaining("ISO 3166-1");
    }

    @Test
    void prioritiesGoFromZeroToAHundred() {
        assertThat(CommandArguments.priority(0)).isZero();
        assertThat(CommandArguments.priority(100)).isEqualTo(100);
        assertThatThrownBy(() -> CommandArguments.priority(101)).hasMessage("--priority goes from 0 to 100, not 101");
        assertThatThrownBy(() -> CommandArguments.priority(-1)).hasMessageContaining("not -1");
    }

    @Test
    void limitsArePositive() {
        assertThat(CommandArguments.limit(1)).isEqualTo(1);
        assertThatThrownBy(() -> CommandArguments.limit(0)).hasMessage("--limit must be at least 1, not 0");
    }

    @Test
    void entryIdsArePositiveNumbers() {
        assertThat(CommandArguments.entryId("17")).isEqualTo(17L);
        assertThat(CommandArguments.entryId(" 17 ")).isEqualTo(17L);
        assertThatThrownBy(() -> CommandArguments.entryId("0")).hasMessage("'0' is not a hotlist entry id");
        assertThatThrownBy(() -> CommandArguments.entryId("#17")).hasMessage("'#17' is not a hotlist entry id");
    }

    @Test
    void onlyThePoliceAgenciesReceiveAlerts() {
        assertThat(CommandArguments.policeAgency("local-police")).isEqualTo("local-police");
        assertThat(CommandArguments.policeAgency("National-Police ")).isEqualTo("national-police");
        assertThatThrownBy(() -> CommandArguments.policeAgency("fire-brigade"))
                .hasMessage("unknown agency 'fire-brigade'; one of local-police, national-police");
    }

    @Test
    void aPlateFilterIsWrittenAsPlatesAreStored() {
        assertThat(CommandArguments.storedPlate("1234 bcd")).isEqualTo("1234BCD");
        assertThat(CommandArguments.storedPlate("1234-BCD")).isEqualTo("1234BCD");
        assertThat(CommandArguments.storedPlate(null)).isNull();
        assertThatThrownBy(() -> CommandArguments.storedPlate("--")).hasMessage("'--' is not a plate");
    }
}
