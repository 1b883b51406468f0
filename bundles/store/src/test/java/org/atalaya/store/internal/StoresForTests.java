package org.atalaya.store.internal;

import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.store.jdbc.Database;

/**
 * The store's repositories on a database a test of another bundle opened (shipped in the store's
 * test jar), where the components reach theirs through {@code StoreComponent}.
 */
public final class StoresForTests {

    private StoresForTests() {
    }

    /** The read archive on {@code archive}, a database migrated with {@link Database.Schema#ARCHIVE}. */
    public static PlateReadRepository plateReads(Database archive) {
        return new PlateReadStore(archive);
    }
}
