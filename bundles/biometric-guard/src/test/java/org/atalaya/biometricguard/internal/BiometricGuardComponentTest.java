package org.atalaya.biometricguard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.Official;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.Test;

class BiometricGuardComponentTest extends DatabaseTestSupport {

    private final RecordingAuditLog audit = new RecordingAuditLog();

    @Test
    void runsTheGuardWithItsConfigurationAndItsSweepUntilDeactivated() throws Exception {
        BiometricGuardComponent component = component();
        component.activate(config(24, 2, "national-police"));
        try {
            assertThat(component.recipient()).isEqualTo("national-police");
            assertThat(component.judicialAuthority()).isEqualTo("justice");
            assertThat(component.confirmationsRequired()).isEqualTo(2);
            assertThat(component.name()).isEqualTo("biometric-guard");
            assertThat(sweepThreads()).isEqualTo(1);
            Instant now = Instant.now();
            component.register(new AuthorisationRequest("JI-1", List.of("wl-7"), List.of("puerto-1"),
                    now.minusSeconds(60), now.plusSeconds(60), "terrorism"), new Official("juez-3", "justice"));
            assertThat(component.accept(new FaceMatch("m-1", "puerto-1", now, "wl-7", 0.9, "vms:f/1")))
                    .isEqualTo(Intake.DELIVERED);
        } finally {
            component.deactivate();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sweepThreads() == 0);
    }

    @Test
    void refusesToStartWithRulesTheLawDoesNotAllow() {
        assertThatThrownBy(() -> component().activate(config(48, 2, "national-police")))
                .hasMessageContaining("urgentHours");
        assertThatThrownBy(() -> component().activate(config(24, 1, "national-police")))
                .hasMessageContaining("confirmationsRequired");
        assertThatThrownBy(() -> component().activate(config(24, 2, "justice")))
                .hasMessageContaining("cannot be the judicial authority");
        assertThat(sweepThreads()).isZero();
    }

    private BiometricGuardComponent component() {
        BiometricGuardComponent component = new BiometricGuardComponent();
        component.database = database;
        component.audit = audit;
        return component;
    }

    private static long sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(BiometricGuardComponent.SWEEP_THREAD) && thread.isAlive())
                .count();
    }

    private static BiometricGuardConfiguration config(int urgentHours, int confirmations, String recipient) {
        return new BiometricGuardConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BiometricGuardConfiguration.class;
            }

            @Override
            public int holdWindowMinutes() {
                return 10;
            }

            @Override
            public int urgentHours() {
                return urgentHours;
            }

            @Override
            public String recipient() {
                return recipient;
            }

            @Override
            public String judicialAuthority() {
                return "justice";
            }

            @Override
            public int confirmationsRequired() {
                return confirmations;
            }

            @Override
            public int consumers() {
                return 1;
            }

            @Override
            public int sweepSeconds() {
                return 30;
            }
        };
    }
}
