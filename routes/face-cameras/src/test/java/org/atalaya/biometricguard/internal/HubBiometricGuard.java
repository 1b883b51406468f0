package org.atalaya.biometricguard.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.store.jdbc.Database;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The hub's own biometric guard (bundles/biometric-guard), with its default rules, on a fresh
 * in-memory database: what the connector's resources are tested against.
 */
public final class HubBiometricGuard {

    private HubBiometricGuard() {
    }

    public static BiometricGuard onH2(Clock clock, AuditLog audit) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:face-cameras-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new FaceMatchGuard(Database.open(h2), audit, clock, new GuardSettings(Duration.ofMinutes(10),
                Duration.ofHours(24), "national-police", "justice", 2));
    }
}
