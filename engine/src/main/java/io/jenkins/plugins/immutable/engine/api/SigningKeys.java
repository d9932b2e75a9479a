package io.jenkins.plugins.immutable.engine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * EC P-256 signing keys as PEM files: a PKCS#8 private key (mode 0600) and an SPKI public key, the forms openssl and
 * cosign read. No message of this class ever carries key material: a key that does not parse is named by its file.
 */
public final class SigningKeys {

    public static final String PRIVATE_FILE = "signing.key";
    public static final String PUBLIC_FILE = "signing.pub";
    private static final int P256_FIELD_BYTES = 32;

    private SigningKeys() {
    }

    /** A key pair written by {@link #generate}: where each half is, and the key id verifiers will see. */
    public record Generated(Path privateKey, Path publicKey, String keyId) {
    }

    /**
     * Writes a new key pair into {@code dir}: {@code signing.key} (created with mode 0600 before any byte is written)
     * and {@code signing.pub}. Refuses to overwrite either.
     */
    public static Generated generate(Path dir) throws ReleaseException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(dir);
            if (Files.exists(privateFile) || Files.exists(publicFile)) {
                throw new InvalidInputException("out", dir + " already holds " + PRIVATE_FILE + " or " + PUBLIC_FILE
                        + ": expected a folder without keys (a key is never overwritten)");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new Generated(privateFile, publicFile, keyId(pair.getPublic()));
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("out", privateFile + " appeared while writing: expected a folder without keys");
        } catch (IOException e) {
            throw new ReleaseException(ReleaseException.Kind.BAD_INPUT, "Tried to write a key pair into " + dir
                    + " but failed (" + e.getClass().getSimpleName() + "). Choose a writable folder.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has EC P-256", e);
        }
    }

    /** The public key a PEM text ({@code -----BEGIN PUBLIC KEY-----}, SPKI) holds; it must be EC P-256. */
    public static PublicKey readPublicKey(String pemText) {
        byte[] der = unpem(pemText, "PUBLIC KEY");
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            requireP256(((ECPublicKey) key).getParams().getCurve().getField().getFieldSize());
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC P-256 public key (expected the signing.pub that keygen writes)");
        }
    }

    /** The private key of a PKCS#8 PEM file; messages name the file, never its content. */
    public static PrivateKey readPrivateKey(Path file) throws InvalidInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidInputException("signingKey", "cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "): expected the signing.key that keygen writes");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unpem(text, "PRIVATE KEY")));
            requireP256(((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("signingKey", file + " is not a PKCS#8 EC P-256 private key PEM: expected the"
                    + " signing.key that keygen writes");
        }
    }

    /**
     * The key id: OpenSSH's SHA256 fingerprint ({@code SHA256:<base64>}, what {@code ssh-keygen -l} prints). DSSE's
     * keyid is opaque, but cosign's verifier (go-securesystemslib) compares a non-empty keyid with exactly this
     * fingerprint of the key it was given and skips the signature when they differ.
     */
    public static String keyId(PublicKey key) {
        ECPublicKey ec = (ECPublicKey) key;
        ByteArrayOutputStream point = new ByteArrayOutputStream();
        point.write(4);
        point.writeBytes(fixed(ec.getW().getAffineX()));
        point.writeBytes(fixed(ec.getW().getAffineY()));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sshString(wire, "ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII));
        sshString(wire, "nistp256".getBytes(StandardCharsets.US_ASCII));
        sshString(wire, point.toByteArray());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(wire.toByteArray());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** PEM text of a public key, as {@code signing.pub} holds it. */
    public static String publicPem(PublicKey key) {
        return new String(pem("PUBLIC KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void requireP256(int fieldSize) throws GeneralSecurityException {
        if (fieldSize != 256) {
            throw new GeneralSecurityException("not P-256");
        }
    }

    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[P256_FIELD_BYTES];
        int copy = Math.min(raw.length, P256_FIELD_BYTES);
        System.arraycopy(raw, raw.length - copy, out, P256_FIELD_BYTES - copy, copy);
        return out;
    }

    private static void sshString(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text == null ? -1 : text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
