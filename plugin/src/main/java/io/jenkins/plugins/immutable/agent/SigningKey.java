package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The private signing key of {@code signingKeyCredentialsId} on its way from the credentials store to the engine on
 * the agent. Like {@link RegistryLogin}, it lives only inside one agent call: never kept in a step execution, a record
 * or an action, never printed ({@link #toString()} hides it). On the agent it is a file only while the engine signs.
 */
public final class SigningKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] pem;

    public SigningKey(byte[] pem) {
        this.pem = pem.clone();
    }

    /**
     * Writes the key into a new file in {@code dir}, readable by the agent's user only from the moment it exists
     * (mode 0600 given at creation, so no other user can open it before a later {@code chmod}).
     */
    Path writeInto(Path dir) throws ReleaseException {
        try {
            Files.createDirectories(dir);
            Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, "signing-", ".key", ownerOnly())
                    : Files.createTempFile(dir, "signing-", ".key"); // Windows: the workspace's own ACL applies
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(pem);
            } catch (IOException e) {
                remove(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new ReleaseException(ReleaseException.Kind.BAD_INPUT, "Tried to write the signing key into " + dir
                    + " on the agent but failed (" + e.getClass().getSimpleName() + "). Check that the folder is writable.", e);
        }
    }

    /** Deletes a key file {@link #writeInto} made; a key that cannot be deleted fails the step, naming the file. */
    static void remove(Path file) throws ReleaseException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ReleaseException(ReleaseException.Kind.BAD_INPUT, "Tried to delete the signing key file " + file
                    + " on the agent but failed (" + e.getClass().getSimpleName() + "). Delete it by hand.", e);
        }
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    @Override
    public String toString() {
        return "SigningKey[hidden]";
    }
}
