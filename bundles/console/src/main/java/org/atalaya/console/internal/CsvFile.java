package org.atalaya.console.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a CSV file to be streamed, a line at a time, into the hotlist import. */
final class CsvFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvFile() {
    }

    /**
     * A buffered reader over the file, past the byte order mark that spreadsheet programs put
     * at the start of UTF-8 files and that would otherwise spoil the first header name.
     */
    static Reader open(Path file, Charset charset) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, charset);
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
