package org.atalaya.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's signing key (Ed25519): the private key as PKCS#8 PEM, readable by its owner only,
 * and the public key next to it as X.509 PEM ({@code atalaya-signing.key} and
 * {@code atalaya-signing.pub}), the one an auditor verifies the seals with.
 */
final class SealKey {

    static final String ALGORITHM = "Ed25519";

    private static final Logger LOG = LoggerFactory.getLogger(SealKey.class);
    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private SealKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = AuditChain.hex(AuditChain.sha256(publicKey.getEncoded()));
    }

    /** A new key pair, in memory only. */
    static SealKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SealKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no " + ALGORITHM + " key generator", e);
        }
    }

    /**
     * The key pair in {@code privateKeyFile} and its {@link #publicKeyFile(Path) public key file};
     * when the private key file does not exist, a new pair written to both.
     *
     * @throws IOException when the files cannot be read or written, or do not hold a key pair
     */
    static SealKey loadOrCreate(Path privateKeyFile) throws IOException {
        Path publicKeyFile = publicKeyFile(privateKeyFile);
        if (Files.exists(privateKeyFile)) {
            return load(privateKeyFile, publicKeyFile);
        }
        SealKey key = generate();
        key.write(privateKeyFile, publicKeyFile);
        LOG.info("Generated the hub's signing key {} (key id {}); its public key, for auditors, is {}",
                privateKeyFile, key.id(), publicKeyFile);
        return key;
    }

    /** {@code atalaya-signing.pub} next to {@code atalaya-signing.key}; {@code .pub} added to any other name. */
    static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return privateKeyFile.resolveSibling(base + ".pub");
    }

    private static SealKey load(Path privateKeyFile, Path publicKeyFile) throws IOException {
        if (!Files.exists(publicKeyFile)) {
            // an Ed25519 public key cannot be derived through the JDK's API: it must be kept
            throw new IOException("The signing key " + privateKeyFile + " has no public key " + publicKeyFile
                    + "; restore it, or move both away to have a new pair generated");
        }
        warnIfReadableByOthers(privateKeyFile);
        SealKey key;
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            key = new SealKey(keys.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKeyFile, PRIVATE_PEM))),
                    keys.generatePublic(new X509EncodedKeySpec(pem(publicKeyFile, PUBLIC_PEM))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(privateKeyFile + " and " + publicKeyFile + " are not an " + ALGORITHM
                    + " key pair in PEM: " + e.getMessage(), e);
        }
        byte[] probe = "atalaya-signing-key-check".getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(probe, key.sign(probe))) {
            throw new IOException(publicKeyFile + " is not the public key of " + privateKeyFile);
        }
        LOG.info("Signing key {} loaded (key id {})", privateKeyFile, key.id());
        return key;
    }

    /** The public key of a PEM text, as {@link #publicKeyPem()} writes it. */
    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, PUBLIC_PEM)));
    }

    /** The signature of {@code message}, Base64. */
    String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the hub's " + ALGORITHM + " key", e);
        }
    }

    /** Whether {@code signature} (Base64) is this key's signature of {@code message}. */
    boolean verifies(byte[] message, String signature) {
        return verifies(publicKey, message, signature);
    }

    /** Whether {@code signature} (Base64) is the signature of {@code message} by {@code key}'s owner. */
    static boolean verifies(PublicKey key, byte[] message, String signature) {
        if (message == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException notASignature) {
            return false;
        }
    }

    /** The public key, X.509 SubjectPublicKeyInfo in PEM. */
    String publicKeyPem() {
        return pem(PUBLIC_PEM, publicKey.getEncoded());
    }

    /** The SHA-256 of the public key (X.509 DER), hex: which key signed a seal. */
    String id() {
        return id;
    }

    private void write(Path privateKeyFile, Path publicKeyFile) throws IOException {
        Path directory = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Files.writeString(publicKeyFile, publicKeyPem(), StandardCharsets.US_ASCII);
        // written under another name first, so a half-written key is never taken for the key
        Path partial = directory.resolve(privateKeyFile.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(partial);
            var file = partial.toFile();
            boolean ownerOnly = file.setReadable(false, false) & file.setReadable(true, true)
                    & file.setWritable(false, false) & file.setWritable(true, true);
            if (!ownerOnly) {
                LOG.warn("Could not make {} readable by its owner only; restrict it by hand", privateKeyFile);
            }
        }
        Files.writeString(partial, pem(PRIVATE_PEM, privateKey.getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.move(partial, privateKeyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static void warnIfReadableByOthers(Path privateKeyFile) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(privateKeyFile, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.copyOf(view.readAttributes().permissions());
        permissions.removeAll(OWNER_ONLY);
        permissions.remove(PosixFilePermission.OWNER_EXECUTE);
        if (!permissions.isEmpty()) {
            LOG.warn("The signing key {} can be read by others ({}): chmod 600 it", privateKeyFile,
                    PosixFilePermissions.toString(view.readAttributes().permissions()));
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file, String type) throws IOException {
        return pemBody(Files.readString(file, StandardCharsets.US_ASCII), type);
    }

    private static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
