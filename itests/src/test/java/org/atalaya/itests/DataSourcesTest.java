package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The data sources of the distribution's {@code etc/org.ops4j.datasource-atalaya*.cfg}, made as
 * pax-jdbc-config makes them with {@code pool = hikari}: HikariCP's settings from the
 * {@code pool.*} keys, the driver's data source from the others.
 */
public class DataSourcesTest {

    private static final Path ETC = Paths.get(System.getProperty("atalaya.assembly",
            "../karaf-assembly/target/assembly")).resolve("etc");
    /** First starts tried; without the setting under test one in a few lost the race. */
    private static final int FIRST_STARTS = 40;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /**
     * On a first start, pax-jdbc-config makes the hub's and the archive's data sources at the same
     * time, and their embedded databases share a folder that does not exist yet. H2 creates that
     * folder for whichever connection comes first and fails the other ("a file with this name
     * already exists"). A pool that opened its first connection while it was made would then fail
     * for good, and the hub would never become ready; the shipped pools open theirs when first
     * asked, by which time the folder is there.
     */
    @Test
    public void theHubAndTheArchiveStartTogetherOnAFirstStart() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int start = 0; start < FIRST_STARTS; start++) {
                Path data = folder.newFolder().toPath();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HikariDataSource> hub = two.submit(() -> make("atalaya", data, together));
                Future<HikariDataSource> archive = two.submit(() -> make("atalaya-archive", data, together));
                try (HikariDataSource hubs = hub.get(); HikariDataSource archives = archive.get()) {
                    assertWorks(hubs);
                    assertWorks(archives);
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    public void theShippedSettingsAreHikariCpsAndTheArchiveIsADatabaseOfItsOwn() throws IOException {
        Properties hub = load("atalaya");
        Properties archive = load("atalaya-archive");
        for (Properties each : new Properties[] {hub, archive}) {
            assertEquals("hikari", each.getProperty("pool"));
            // every pool.* key is one of HikariCP's settings: a misspelt one fails here
            new HikariConfig(poolSettings(each));
        }
        assertNotEquals(hub.getProperty("url"), archive.getProperty("url"));
    }

    private HikariDataSource make(String name, Path data, CyclicBarrier together) throws Exception {
        Properties settings = load(name);
        HikariConfig config = new HikariConfig(poolSettings(settings));
        JdbcDataSource driver = new JdbcDataSource();
        driver.setURL(settings.getProperty("url").replace("${karaf.data}", data.toString()));
        driver.setUser(settings.getProperty("user"));
        driver.setPassword(settings.getProperty("password"));
        config.setDataSource(driver);
        together.await();
        return new HikariDataSource(config);
    }

    private static void assertWorks(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet one = statement.executeQuery("SELECT 1")) {
            assertTrue(one.next());
            assertEquals(1, one.getInt(1));
        }
    }

    private static Properties poolSettings(Properties settings) {
        Properties pool = new Properties();
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith("pool.")) {
                pool.setProperty(key.substring("pool.".length()), settings.getProperty(key));
            }
        }
        return pool;
    }

    private static Properties load(String dataSource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ETC.resolve("org.ops4j.datasource-" + dataSource + ".cfg"))) {
            properties.load(reader);
        }
        return properties;
    }
}
