package org.atalaya.store.jdbc;

import java.sql.SQLException;

/**
 * A repository operation the database refused or could not do. The message says what the store
 * was doing and what the database answered; the cause is the database's own exception.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
