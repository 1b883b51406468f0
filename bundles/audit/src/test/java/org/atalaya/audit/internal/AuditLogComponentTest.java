package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.atalaya.audit.internal.AuditFixtures.entry;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogComponentTest extends DatabaseTestSupport {

    @TempDir
    Path etc;

    private AuditLogComponent component;

    @AfterEach
    void stop() throws InterruptedException {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void theFirstStartGeneratesTheSigningKeyAndStoppingSealsTheLog() throws Exception {
        component = start(config(5, etc.resolve("atalaya-signing.key").toString()));
        component.append(entry(1));
        component.append(entry(2));

        assertThat(component.seals()).isEmpty();
        component.deactivate();
        component = null;

        AuditStore log = new AuditStore(database, SealKey.generate(), Clock.systemUTC());
        assertThat(log.seals()).extracting(AuditSeal::sequence).containsExactly(2L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("atalaya-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(etc.resolve("atalaya-signing.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void aRestartKeepsTheKeySoEarlierSealsStillVerify() throws Exception {
        component = start(config(5, etc.resolve("atalaya-signing.key").toString()));
        String publicKey = component.publicKey();
        component.append(entry(1));
        component.deactivate();

        component = start(config(5, etc.resolve("atalaya-signing.key").toString()));
        component.append(entry(2));
        component.seal();

        assertThat(component.publicKey()).isEqualTo(publicKey)
                .isEqualTo(Files.readString(etc.resolve("atalaya-signing.pub")));
        assertThat(component.seals()).extracting(AuditSeal::sequence).containsExactly(1L, 2L);
        assertThat(component.verify().findings()).isEmpty();
    }

    @Test
    void anotherKeyFileAppliesAtOnceAndTheSealsOfTheOldKeySaySo() throws Exception {
        component = start(config(5, etc.resolve("atalaya-signing.key").toString()));
        component.append(entry(1));
        component.seal();
        String oldKey = component.publicKey();

        component.modified(config(10, etc.resolve("rotated").resolve("hub.key").toString()));

        assertThat(component.publicKey()).isNotEqualTo(oldKey)
                .isEqualTo(Files.readString(etc.resolve("rotated").resolve("hub.pub")));
        assertThat(component.verify().findings()).extracting(Finding::sequence, Finding::kind)
                .containsExactly(tuple(1L, Kind.SEAL_MISMATCH));
        assertThat(component.verify().findings().get(0).detail()).contains("another key");
    }

    @Test
    void anIntervalBelowOneMinuteIsRefused() {
        AuditLogComponent refused = new AuditLogComponent();
        refused.database = database;

        assertThatThrownBy(() -> refused.activate(config(0, etc.resolve("atalaya-signing.key").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealIntervalMinutes");
    }

    private AuditLogComponent start(AuditConfiguration config) throws Exception {
        AuditLogComponent started = new AuditLogComponent();
        started.database = database;
        started.activate(config);
        return started;
    }

    private static AuditConfiguration config(int sealIntervalMinutes, String signingKeyFile) {
        return new AuditConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditConfiguration.class;
            }

            @Override
            public int sealIntervalMinutes() {
                return sealIntervalMinutes;
            }

            @Override
            public String signingKeyFile() {
                return signingKeyFile;
            }
        };
    }
}
