package org.atalaya.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction of an embedded H2 file: with {@code WRITE_DELAY=0}, as the hub runs it, H2 leaves
 * the chunks that keep a current page in the file for good; the compaction rewrites them.
 * {@code RETENTION_TIME=0} lets H2 rewrite chunks at once instead of after 45 s.
 */
class H2CompactionTest {

    @TempDir
    Path folder;

    @Test
    void anEmbeddedH2FileWrittenOneCommitAtATimeIsMostlyCurrentDataOnceCompacted() throws Exception {
        JdbcDataSource h2 = file("atalaya");
        try (Connection open = h2.getConnection()) {
            try (Statement statement = open.createStatement()) {
                statement.execute("CREATE TABLE plate_read (id BIGINT PRIMARY KEY, camera_id VARCHAR(64), plate VARCHAR(16))");
                statement.execute("CREATE INDEX plate_read_plate ON plate_read (plate, id)");
            }
            // reads stored one commit each, as the hub stores alerts and audit records
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("INSERT INTO plate_read VALUES (?, ?, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "camera-" + i % 65);
                    insert.setString(3, Long.toString(i * 7919L % 1_000_003L, 36).toUpperCase());
                    insert.executeUpdate();
                    open.commit();
                }
            }
            H2Compaction compaction = H2Compaction.of(List.of(h2)).get(0);
            int before = compaction.chunksFillRate();
            long sizeBefore = Files.size(folder.resolve("atalaya.mv.db"));
            for (int run = 0; run < 5; run++) {
                compaction.run();
            }
            int after = compaction.chunksFillRate();

            assertTrue(before < 50, "without compaction the chunks are mostly stale pages: " + before + " %");
            assertTrue(after >= 80, "compacted, the chunks are mostly current data: " + before + " % -> " + after + " %");
            assertTrue(Files.size(folder.resolve("atalaya.mv.db")) <= sizeBefore, "the file did not grow");
        }
    }

    @Test
    void aDatabaseThatIsNotAnEmbeddedH2FileHasNoCompaction() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:h2-compaction-test;DB_CLOSE_DELAY=-1");
        memory.setUser("atalaya");
        memory.setPassword("");

        assertTrue(H2Compaction.of(List.of(memory)).isEmpty());
    }

    @Test
    void twoDataSourcesOfOneFileHaveOneCompactionAndTwoFilesTwo() throws Exception {
        JdbcDataSource hub = file("atalaya");
        JdbcDataSource archiveWithTheHub = file("atalaya");
        JdbcDataSource archiveApart = file("archive");
        // open while asked, as the hub's pools keep them: an embedded H2 closes with its last connection
        try (Connection openHub = hub.getConnection(); Connection openArchive = archiveApart.getConnection()) {
            assertEquals(1, H2Compaction.of(List.of(hub, archiveWithTheHub)).size());
            assertEquals(2, H2Compaction.of(List.of(hub, archiveApart)).size());
        }
    }

    private JdbcDataSource file(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        h2.setUser("atalaya");
        h2.setPassword("");
        return h2;
    }
}
