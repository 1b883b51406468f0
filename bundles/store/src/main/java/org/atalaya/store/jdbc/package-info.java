/**
 * The hub's database as the bundles that keep data use it: migrated once by the store (scripts
 * in {@code db/migration}), offered as a {@link org.atalaya.store.jdbc.Database} service, with
 * connections, transactions and the few differences between H2 and PostgreSQL.
 */
@Export
@Version("0.2.0")
package org.atalaya.store.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
