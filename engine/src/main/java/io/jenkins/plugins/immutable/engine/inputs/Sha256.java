package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers; file contents are streamed, never loaded whole. */
final class Sha256 {

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash of a file entry's content, checked against the size it was scanned with. */
    static byte[] ofFile(ContextEntry file) throws InvalidInputException {
        MessageDigest digest = newDigest();
        try {
            copyExactly(file, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a digest cannot fail", e);
        }
        return digest.digest();
    }

    /**
     * Copies a file entry's content, which must still be exactly {@link ContextEntry#size()} bytes long: a file
     * that changed after the scan would make the digest or the tar describe something else than what is built.
     *
     * @throws InvalidInputException when the file cannot be read or changed, naming it
     * @throws IOException           only when writing to {@code out} fails
     */
    static void copyExactly(ContextEntry file, OutputStream out) throws IOException, InvalidInputException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = open(file)) {
            while (total < file.size()) {
                int n = read(file, in, buffer, (int) Math.min(buffer.length, file.size() - total));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                total += n;
            }
            if (total != file.size() || read(file, in, buffer, 1) > 0) {
                throw new InvalidInputException("context", file.source() + " changed while the build context was"
                        + " read (it had " + file.size() + " bytes): build again once nothing writes to the context");
            }
        }
    }

    private static InputStream open(ContextEntry file) throws InvalidInputException {
        try {
            return Files.newInputStream(file.source(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw Failures.unreadable(file.source(), e);
        }
    }

    private static int read(ContextEntry file, InputStream in, byte[] buffer, int length) throws InvalidInputException {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw Failures.unreadable(file.source(), e);
        }
    }
}
