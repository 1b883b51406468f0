package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run measured, line by line, as it goes: in the harness's log and in {@code report.txt} of
 * the run's folder.
 */
public final class Report {

    private static final Logger LOG = LoggerFactory.getLogger(Report.class);

    private final Path file;

    public Report(Path file) {
        this.file = file;
    }

    public void line(String format, Object... arguments) {
        String text = String.format(Locale.ROOT, format, arguments);
        LOG.info(text);
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  " + text;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException unwritable) {
            throw new IllegalStateException("the report cannot be written: " + file, unwritable);
        }
    }
}
