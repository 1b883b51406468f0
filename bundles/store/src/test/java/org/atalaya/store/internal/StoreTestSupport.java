package org.atalaya.store.internal;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** A fresh, migrated H2 database in memory for each test. */
final class StoreTestSupport {

    private StoreTestSupport() {
    }

    static Database freshDatabase() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:atalaya-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("atalaya");
        dataSource.setPassword("");
        return Database.open(dataSource);
    }
}
