package org.corridor.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Optional;
import java.util.Set;
import org.corridor.ConflictException;

/**
 * The Ed25519 key that signs checkpoints of the audit chain, kept in a file outside the database
 * (mode 0600): someone who can change the database but not read this file cannot sign a chain of
 * their own making. A file holding only the public key verifies but cannot sign, for an examiner's
 * machine. Immutable.
 */
public final class SigningKey {

    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "private-key:";
    private static final String PUBLIC = "public-key:";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Optional<PrivateKey> privateKey;
    private final PublicKey publicKey;

    private SigningKey(Optional<PrivateKey> privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key in {@code file}, creating a new key pair there (mode 0600) if it does not exist. */
    public static SigningKey loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /**
     * Reads the key in {@code file}.
     *
     * @throws ConflictException AUDIT_KEY_UNREADABLE when the file holds no key
     */
    public static SigningKey load(Path file) {
        try {
            Optional<String> privateText = Optional.empty();
            Optional<String> publicText = Optional.empty();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String trimmed = line.strip();
                if (trimmed.startsWith(PRIVATE)) {
                    privateText =
                            Optional.of(trimmed.substring(PRIVATE.length()).strip());
                } else if (trimmed.startsWith(PUBLIC)) {
                    publicText = Optional.of(trimmed.substring(PUBLIC.length()).strip());
                }
            }
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(publicText.orElseThrow(() -> unreadable(file, "no public-key line")))));
            Optional<PrivateKey> privateKey = privateText.isEmpty()
                    ? Optional.empty()
                    : Optional.of(factory.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateText.get()))));
            return new SigningKey(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable(file, e.getMessage());
        }
    }

    private static ConflictException unreadable(Path file, String why) {
        return new ConflictException("AUDIT_KEY_UNREADABLE", "no Ed25519 key in " + file + ": " + why);
    }

    private static void create(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            String text = "# Corridor's audit signing key (Ed25519): it signs checkpoints of the audit chain.\n"
                    + "# Keep it outside the database and readable by Corridor alone; give examiners the public key.\n"
                    + PRIVATE + " "
                    + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + PUBLIC + " "
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(
                    folder, ".audit-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temporary, text, StandardCharsets.US_ASCII);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: its key stands
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key: names the key in each checkpoint. */
    public String keyId() {
        return Hashing.sha256Hex(publicKey.getEncoded()).substring(0, 16);
    }

    /** The public key, X.509 SubjectPublicKeyInfo in base64, as examiners are given it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** True when this key can sign (the file held the private key). */
    public boolean canSign() {
        return privateKey.isPresent();
    }

    /** The signature of {@code text} (UTF-8), in base64. */
    String sign(String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey.orElseThrow(
                    () -> new ConflictException("AUDIT_KEY_PUBLIC_ONLY", "the audit key file holds no private key")));
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** True when {@code signatureBase64} is this key's signature of {@code text}. */
    boolean verifies(String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
