package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeyTest {

    private static final byte[] MESSAGE = "record 17 had hash 5f".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path etc;

    @Test
    void aMissingKeyIsGeneratedWithItsPublicKeyAndOnlyItsOwnerCanReadIt() throws Exception {
        Path file = etc.resolve("keys").resolve("atalaya-signing.key");

        SealKey key = SealKey.loadOrCreate(file);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path publicFile = etc.resolve("keys").resolve("atalaya-signing.pub");
        assertThat(Files.readString(publicFile)).isEqualTo(key.publicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.list(file.getParent())).hasSize(2);
    }

    @Test
    void theKeyIsReloadedAsItWasWritten() throws Exception {
        Path file = etc.resolve("atalaya-signing.key");
        SealKey written = SealKey.loadOrCreate(file);
        String signature = written.sign(MESSAGE);

        SealKey reloaded = SealKey.loadOrCreate(file);

        assertThat(reloaded.publicKeyPem()).isEqualTo(written.publicKeyPem());
        assertThat(reloaded.id()).isEqualTo(written.id()).hasSize(64);
        assertThat(reloaded.verifies(MESSAGE, signature)).isTrue();
        assertThat(written.verifies(MESSAGE, reloaded.sign(MESSAGE))).isTrue();
    }

    @Test
    void aSignatureVerifiesWithThePublicKeyPemAloneAndOnlyForItsMessage() throws Exception {
        SealKey key = SealKey.generate();
        String signature = key.sign(MESSAGE);
        PublicKey published = SealKey.publicKey(key.publicKeyPem());

        assertThat(SealKey.verifies(published, MESSAGE, signature)).isTrue();
        assertThat(SealKey.verifies(published, "record 17 had hash 6f".getBytes(StandardCharsets.US_ASCII),
                signature)).isFalse();
        assertThat(SealKey.verifies(published, MESSAGE, SealKey.generate().sign(MESSAGE))).isFalse();
        assertThat(SealKey.verifies(published, MESSAGE, "not base64!")).isFalse();
        assertThat(key.id()).isNotEqualTo(SealKey.generate().id());
    }

    @Test
    void aKeyWithoutItsPublicKeyIsRefusedNotReplaced() throws Exception {
        Path file = etc.resolve("atalaya-signing.key");
        SealKey.loadOrCreate(file);
        String privateKey = Files.readString(file);
        Files.delete(etc.resolve("atalaya-signing.pub"));

        assertThatThrownBy(() -> SealKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("has no public key");
        assertThat(Files.readString(file)).isEqualTo(privateKey);
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused() throws Exception {
        Path file = etc.resolve("atalaya-signing.key");
        SealKey.loadOrCreate(file);
        Files.writeString(etc.resolve("atalaya-signing.pub"), SealKey.generate().publicKeyPem());

        assertThatThrownBy(() -> SealKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not the public key of");
    }

    @Test
    void aFileThatIsNotAKeyIsRefused() throws Exception {
        Path file = Files.writeString(etc.resolve("atalaya-signing.key"), "not a key\n");
        Files.writeString(etc.resolve("atalaya-signing.pub"), "not a key either\n");

        assertThatThrownBy(() -> SealKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("are not an Ed25519 key pair in PEM");
    }

    @Test
    void thePublicKeyLiesNextToThePrivateKey() {
        assertThat(SealKey.publicKeyFile(Path.of("/etc/atalaya-signing.key")))
                .isEqualTo(Path.of("/etc/atalaya-signing.pub"));
        assertThat(SealKey.publicKeyFile(Path.of("/etc/hub.pem"))).isEqualTo(Path.of("/etc/hub.pem.pub"));
    }

    @Test
    void aRelativeKeyFileIsInKarafsEtc() {
        assertThat(AuditLogComponent.keyFile("atalaya-signing.key", "/opt/atalaya/etc"))
                .isEqualTo(Path.of("/opt/atalaya/etc/atalaya-signing.key"));
        assertThat(AuditLogComponent.keyFile(" ", "/opt/atalaya/etc"))
                .isEqualTo(Path.of("/opt/atalaya/etc/atalaya-signing.key"));
        assertThat(AuditLogComponent.keyFile("/secrets/hub.key", "/opt/atalaya/etc"))
                .isEqualTo(Path.of("/secrets/hub.key"));
        assertThat(AuditLogComponent.keyFile("keys/hub.key", null))
                .isEqualTo(Path.of("keys/hub.key").toAbsolutePath());
    }
}
