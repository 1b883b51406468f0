package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What a run measured, line by line, as it goes: on the given stream (the harness's command-line
 * report) and in {@code report.txt} of the run's folder.
 */
public final class Report {

    private final PrintStream out;
    private final Path file;

    public Report(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    public void line(String format, Object... arguments) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  "
                + String.format(Locale.ROOT, format, arguments);
        if (out != null) {
            out.println(line);
            out.flush();
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException unwritable) {
            throw new IllegalStateException("the report cannot be written: " + file, unwritable);
        }
    }
}
