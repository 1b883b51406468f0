package org.atalaya.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/**
 * Streams a CSV file into the hotlist, a line at a time, so that a list of millions of plates
 * never sits in memory; shows how far it got while it runs and what it did at the end.
 */
@Service
@Command(scope = "atalaya", name = "hotlist-import", description = "Imports a hotlist CSV file",
        detailedDescription = "Streams a CSV file into the hotlist. The header names the columns: plate, country,"
                + " category and priority, and optionally source, reason, reference, valid_from and valid_until,"
                + " in any order. A row whose source and reference are already listed replaces that entry; a row"
                + " that is not valid is reported and left out.")
public class HotlistImportCommand extends ConsultingAction {

    /** How many rejected rows the summary shows. */
    static final int REJECTED_SHOWN = 20;

    @Argument(index = 0, name = "file", description = "The CSV file; a relative path starts at the shell's"
            + " current directory", required = true)
    @Completion(FileCompleter.class)
    private String file;

    @Option(name = "--source", description = "The source of rows that name none")
    private String source = "console";

    @Option(name = "--charset", description = "The file's character set")
    private String charset = "UTF-8";

    @Reference
    private Hotlist hotlist;

    @Reference
    private Session session;

    @Override
    protected void run() throws Exception {
        Path path = resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("--source must not be blank");
        }
        Charset encoding = charset(charset);
        consult(DataClass.HOTLIST, Access.WRITE, "atalaya:hotlist-import " + path, List.of());
        // The progress line goes to the terminal itself, not into a pipe the summary may go to.
        ImportProgress progress = new ImportProgress(session.getConsole(), ImportProgress.EVERY);
        Instant start = Instant.now();
        HotlistImport result;
        try (Reader csv = CsvFile.open(path, encoding)) {
            result = hotlist.importCsv(csv, source.strip(), progress);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(path + " is not " + encoding.name() + " text; name its character set"
                    + " with --charset (ISO-8859-1, windows-1252 ...)", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            progress.clear();
        }
        for (String line : HotlistText.importSummary(result, file, Duration.between(start, Instant.now()),
                REJECTED_SHOWN)) {
            System.out.println(line);
        }
    }

    private Path resolve(String name) {
        Path path = Path.of(name);
        Path currentDir = session.currentDir();
        return path.isAbsolute() || currentDir == null ? path.toAbsolutePath() : currentDir.resolve(path);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown character set '" + name + "'", e);
        }
    }
}
