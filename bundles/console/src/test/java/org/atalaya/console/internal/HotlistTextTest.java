package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.MatchKind;
import org.atalaya.api.anpr.PlateCheck;
import org.junit.jupiter.api.Test;

class HotlistTextTest {

    private static final Instant FROM = Instant.parse("2025-06-01T10:15:30.123Z");
    private static final HotlistEntry STOLEN = new HotlistEntry(17, "1234BCD", "ES", HotlistCategory.STOLEN_VEHICLE,
            90, "console", "robbery at the port", "ATL-1", FROM, Instant.parse("2026-01-01T00:00:00Z"));
    private static final HotlistEntry WANTED = new HotlistEntry(18, "1234BC0", null,
            HotlistCategory.WANTED_PERSON_VEHICLE, 60, "national-police", null, null, FROM, null);

    @Test
    void countsAreGroupedTheSameWhateverTheLocale() {
        assertThat(HotlistText.count(1_250_000)).isEqualTo("1,250,000");
        assertThat(HotlistText.count(0)).isEqualTo("0");
    }

    @Test
    void instantsAreShownToTheSecondInUtc() {
        assertThat(HotlistText.instant(FROM)).isEqualTo("2025-06-01T10:15:30Z");
        assertThat(HotlistText.instant(null)).isEqualTo("-");
    }

    @Test
    void anEntryFitsOnOneLine() {
        assertThat(HotlistText.entry(STOLEN)).isEqualTo("#17 1234BCD (ES) STOLEN_VEHICLE, priority 90,"
                + " source console, reference ATL-1, until 2026-01-01T00:00:00Z");
        assertThat(HotlistText.entry(WANTED))
                .isEqualTo("#18 1234BC0 (any) WANTED_PERSON_VEHICLE, priority 60, source national-police");
    }

    @Test
    void theDetailsOfAnEntryShowEveryField() {
        assertThat(HotlistText.entryDetails(WANTED)).containsExactly(
                "Id              18",
                "Plate           1234BC0",
                "Country         any",
                "Category        WANTED_PERSON_VEHICLE",
                "Priority        60",
                "Source          national-police",
                "Reason          -",
                "Reference       -",
                "Valid from      2025-06-01T10:15:30Z",
                "Valid until     no end");
    }

    @Test
    void anEntryRowHasACellForEveryColumn() {
        assertThat(HotlistText.entryRow(STOLEN)).hasSameSizeAs(HotlistText.ENTRY_COLUMNS).containsExactly("17",
                "1234BCD", "ES", "STOLEN_VEHICLE", "90", "console", "ATL-1", "2025-06-01T10:15:30Z",
                "2026-01-01T00:00:00Z");
        assertThat(HotlistText.entryRow(WANTED)).containsExactly("18", "1234BC0", "any", "WANTED_PERSON_VEHICLE",
                "60", "national-police", "-", "2025-06-01T10:15:30Z", "-");
    }

    @Test
    void aDifferenceCountsPositionsFromOne() {
        assertThat(HotlistText.difference(new CharacterMatch(4, '8', 'B'))).isEqualTo("position 5: read 8, listed B");
    }

    @Test
    void aCheckExplainsEachHitAndWhereTheCharactersDiffer() {
        PlateCheck check = new PlateCheck("1234 bc0", "1234BC0", "ES", 2, "0ODQ,1IL,2Z,5S,8B,6G", List.of(
                new PlateCheck.Hit(STOLEN, MatchKind.OCR_EQUIVALENT, List.of(new CharacterMatch(6, '0', 'D'))),
                new PlateCheck.Hit(WANTED, MatchKind.EXACT, List.of())));

        assertThat(HotlistText.explain(check)).containsExactly(
                "Plate           1234BC0 (as given: 1234 bc0)",
                "Country         ES",
                "Equivalences    0ODQ,1IL,2Z,5S,8B,6G",
                "Max equivalent  2 characters may differ",
                "Hits            2",
                "  #17 1234BCD (ES) STOLEN_VEHICLE, priority 90, source console, reference ATL-1,"
                        + " until 2026-01-01T00:00:00Z",
                "    OCR_EQUIVALENT  position 7: read 0, listed D",
                "  #18 1234BC0 (any) WANTED_PERSON_VEHICLE, priority 60, source national-police",
                "    EXACT");
    }

    @Test
    void aCheckWithoutHitsSaysNoMatch() {
        PlateCheck check = new PlateCheck("9999ZZZ", "9999ZZZ", null, 1, "", List.of());

        assertThat(HotlistText.explain(check)).containsExactly(
                "Plate           9999ZZZ",
                "Country         any",
                "Equivalences    none",
                "Max equivalent  1 character may differ",
                "Hits            no match");
    }

    @Test
    void aCheckOfSomethingThatIsNotAPlateSaysSo() {
        PlateCheck check = new PlateCheck("12#4", null, null, 0, "0ODQ", List.of());

        assertThat(HotlistText.explain(check))
                .containsExactly("'12#4' is not a plate: letters and digits only, separators aside");
    }

    @Test
    void anImportSummaryCountsWhatHappenedToEveryRow() {
        HotlistImport result = new HotlistImport(1_249_990, 3, List.of("line 17: unknown category STOLEN"));

        assertThat(HotlistText.importSummary(result, "hotlist.csv", Duration.ofMillis(42_340), 20)).containsExactly(
                "Imported 1,249,994 rows from hotlist.csv in 42.3 s: 1,249,990 added, 3 replaced, 1 rejected",
                "Rejected:",
                "  line 17: unknown category STOLEN");
    }

    @Test
    void anImportSummaryShowsOnlyTheFirstRejectedRows() {
        List<String> rejected = IntStream.rangeClosed(2, 31).mapToObj(line -> "line " + line + ": no plate").toList();

        List<String> summary = HotlistText.importSummary(new HotlistImport(0, 0, rejected), "bad.csv",
                Duration.ZERO, 20);

        assertThat(summary).hasSize(22).startsWith(
                "Imported 30 rows from bad.csv in 0.0 s: 0 added, 0 replaced, 30 rejected",
                "First 20 of 30 rejected:",
                "  line 2: no plate");
        assertThat(summary.get(21)).isEqualTo("  line 21: no plate");
    }

    @Test
    void anEmptyImportSaysSo() {
        assertThat(HotlistText.importSummary(new HotlistImport(0, 0, List.of()), "empty.csv", Duration.ZERO, 20))
                .containsExactly("Imported 0 rows from empty.csv in 0.0 s: 0 added, 0 replaced, 0 rejected");
    }
}
