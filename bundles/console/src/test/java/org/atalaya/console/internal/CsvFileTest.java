package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path directory;

    private static List<String> lines(Reader reader) throws IOException {
        try (BufferedReader lines = new BufferedReader(reader)) {
            return lines.lines().toList();
        }
    }

    @Test
    void theByteOrderMarkOfASpreadsheetExportIsSkipped() throws IOException {
        Path file = Files.writeString(directory.resolve("hotlist.csv"),
                "\uFEFFplate,country,category,priority\n1234BCD,ES,STOLEN_VEHICLE,90\n", StandardCharsets.UTF_8);

        assertThat(lines(CsvFile.open(file, StandardCharsets.UTF_8)))
                .containsExactly("plate,country,category,priority", "1234BCD,ES,STOLEN_VEHICLE,90");
    }

    @Test
    void aFileWithoutAByteOrderMarkIsReadFromItsFirstCharacter() throws IOException {
        Path file = Files.writeString(directory.resolve("hotlist.csv"), "plate\n1234BCD\n", StandardCharsets.UTF_8);

        assertThat(lines(CsvFile.open(file, StandardCharsets.UTF_8))).containsExactly("plate", "1234BCD");
    }

    @Test
    void anEmptyFileIsEmpty() throws IOException {
        Path file = Files.writeString(directory.resolve("empty.csv"), "", StandardCharsets.UTF_8);

        assertThat(lines(CsvFile.open(file, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aFileInAnotherCharacterSetIsReadInThatOne() throws IOException {
        Path file = Files.writeString(directory.resolve("latin1.csv"), "plate,reason\n1234BCD,Ca\u00F1o\n",
                StandardCharsets.ISO_8859_1);

        assertThat(lines(CsvFile.open(file, StandardCharsets.ISO_8859_1)))
                .containsExactly("plate,reason", "1234BCD,Ca\u00F1o");
        assertThatThrownBy(() -> lines(CsvFile.open(file, StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedInputException.class);
    }
}
