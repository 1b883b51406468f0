package org.atalaya.console.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.audit.export.AuditExport;

/**
 * Writes the whole audit log with its seals to a new file, as newline-delimited JSON, a page at
 * a time: what an auditor checks again with the hub's public key.
 */
@Service
@Command(scope = "atalaya", name = "audit-export", description = "Exports the audit log to a file (NDJSON)",
        detailedDescription = "Writes every record of the audit log, oldest first, with its hash and previous hash,"
                + " then every seal, one JSON object per line. The file must not exist; it is readable by its owner"
                + " only, for it holds personal data. bundles/audit/README.md says how to check it.")
public class AuditExportCommand extends ConsultingAction {

    /** Records read from the log at a time. */
    static final int PAGE = 1000;

    @Argument(index = 0, name = "file", description = "The new file; a relative path starts at the shell's"
            + " current directory", required = true)
    @Completion(FileCompleter.class)
    private String file;

    @Reference
    private AuditLog log;

    @Reference
    private Session session;

    @Override
    protected void run() throws Exception {
        consult(DataClass.AUDIT, Access.READ, "atalaya:audit-export " + file, List.of());
        Path path = create(resolve(file));
        long records;
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
            records = AuditExport.write(log, AuditQuery.all(0, PAGE), out);
        } catch (IOException | RuntimeException e) {
            // a partial export must not pass for the log
            Files.deleteIfExists(path);
            throw e;
        }
        System.out.println("Exported " + HotlistText.count(records) + (records == 1 ? " record" : " records")
                + " and the seals to " + path);
    }

    private static Path create(Path path) throws IOException {
        try {
            if (path.getParent() != null
                    && Files.getFileAttributeView(path.getParent(), PosixFileAttributeView.class) != null) {
                return Files.createFile(path, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(path + " already exists; name a new file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    private Path resolve(String name) {
        Path path = Path.of(name);
        Path currentDir = session.currentDir();
        return path.isAbsolute() || currentDir == null ? path.toAbsolutePath() : currentDir.resolve(path);
    }
}
