package org.atalaya.console.internal;

import java.io.PrintStream;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * The progress line of a hotlist import (or of a registry snapshot being loaded), rewritten in
 * place ({@code \r}) on the terminal each time another {@code every} rows have been read, however
 * often the import reports, and wiped before the summary. The import may report from any thread.
 */
final class ImportProgress implements LongConsumer {

    /** How often the line changes by default: often enough to see it move, rarely enough to read. */
    static final long EVERY = 100_000;

    private final PrintStream terminal;
    private final long every;
    private final LongFunction<String> line;
    private long nextLineAt;
    private int lineLength;

    ImportProgress(PrintStream terminal, long every) {
        this(terminal, every, ImportProgress::line);
    }

    /** @param line the line for a count: {@link #line} for rows read, or the caller's own words */
    ImportProgress(PrintStream terminal, long every, LongFunction<String> line) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be positive: " + every);
        }
        this.terminal = terminal;
        this.every = every;
        this.line = line;
        this.nextLineAt = every;
    }

    /** The line for {@code rows} rows read: {@code Imported 1,200,000 rows…}. */
    static String line(long rows) {
        return "Imported " + HotlistText.count(rows) + (rows == 1 ? " row" : " rows") + "\u2026";
    }

    @Override
    public synchronized void accept(long rows) {
        if (rows >= nextLineAt) {
            rewrite(line.apply(rows));
            nextLineAt = (rows / every + 1) * every;
        }
    }

    /** Wipes the progress line, if one was written, so that the summary starts on a clean line. */
    synchronized void clear() {
        if (lineLength > 0) {
            terminal.print("\r" + " ".repeat(lineLength) + "\r");
            terminal.flush();
            lineLength = 0;
        }
    }

    private void rewrite(String text) {
        // Spaces wipe what a longer line before it left on the terminal.
        String padding = text.length() < lineLength ? " ".repeat(lineLength - text.length()) : "";
        terminal.print("\r" + text + padding);
        terminal.flush();
        lineLength = text.length();
    }
}
