package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImportProgressTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(written, true, StandardCharsets.UTF_8);

    private String terminal() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLineCountsRowsWithGroupedDigits() {
        assertThat(ImportProgress.line(1_250_000)).isEqualTo("Imported 1,250,000 rows\u2026");
        assertThat(ImportProgress.line(1)).isEqualTo("Imported 1 row\u2026");
    }

    @Test
    void theLineChangesInPlaceOnlyEachTimeAnotherBatchOfRowsIsRead() {
        ImportProgress progress = new ImportProgress(terminal, 100_000);

        for (long rows = 10_000; rows <= 250_000; rows += 10_000) {
            progress.accept(rows);
        }

        assertThat(terminal()).isEqualTo("\rImported 100,000 rows\u2026\rImported 200,000 rows\u2026");
    }

    @Test
    void anImportThatReportsRarelyStillMovesTheLineEachTime() {
        ImportProgress progress = new ImportProgress(terminal, 100_000);

        progress.accept(99_999);
        progress.accept(350_000);
        progress.accept(399_999);
        progress.accept(400_000);

        assertThat(terminal()).isEqualTo("\rImported 350,000 rows\u2026\rImported 400,000 rows\u2026");
    }

    @Test
    void clearingWipesTheLineSoTheSummaryStartsClean() {
        ImportProgress progress = new ImportProgress(terminal, 10);
        progress.accept(10);

        progress.clear();

        String line = "Imported 10 rows\u2026";
        assertThat(terminal()).isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }

    @Test
    void aShortImportLeavesNothingToClear() {
        ImportProgress progress = new ImportProgress(terminal, 100_000);
        progress.accept(5);

        progress.clear();

        assertThat(terminal()).isEmpty();
    }

    @Test
    void theBatchMustHoldAtLeastOneRow() {
        assertThatThrownBy(() -> new ImportProgress(terminal, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
