package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The state folder and its sub-folders. Reading never creates anything (a command that only looks must not leave a
 * folder behind); the first write creates the folder and proves it writable before any file is written, so an
 * unusable location fails with one clear message and nothing half-written.
 */
final class StateFolder {

    private final Path root;
    private volatile Path realRoot;

    StateFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path file(String name) {
        return root.resolve(name);
    }

    /**
     * The folder's canonical path, for keys of in-process locks: two ledgers opened on the same folder by different
     * paths (a symlink, {@code ./x} and {@code /abs/x}) must share them.
     */
    Path realRoot() throws ReleaseException {
        ensureWritable();
        return realRoot;
    }

    /** Creates the folder on first use and checks that files can be created in it. */
    void ensureWritable() throws ReleaseException {
        if (realRoot != null) {
            return;
        }
        synchronized (this) {
            if (realRoot != null) {
                return;
            }
            try {
                Files.createDirectories(root);
            } catch (FileAlreadyExistsException e) {
                throw new ReleaseException(Kind.BAD_INPUT, "The state folder " + root + " is a file, not a folder: point --state"
                        + " (or IMMUTABLE_STATE) at a folder.", e);
            } catch (IOException e) {
                throw notWritable(root, e);
            }
            // Permissions alone do not tell (root ignores them; a read-only mount does not): try it.
            Path probe = null;
            try {
                probe = Files.createTempFile(root, ".probe-", ".tmp");
                realRoot = root.toRealPath();
            } catch (IOException e) {
                throw notWritable(root, e);
            } finally {
                deleteQuietly(probe);
            }
        }
    }

    /** A sub-folder, created when first needed. */
    Path subfolder(String name) throws ReleaseException {
        ensureWritable();
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw notWritable(dir, e);
        }
        return dir;
    }

    static ReleaseException notWritable(Path folder, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new ReleaseException(Kind.BAD_INPUT, "Cannot write to the state folder " + folder + " (" + why + "): point --state"
                + " (or IMMUTABLE_STATE) at a folder you can write, or make this one writable. Nothing was written.", e);
    }

    /** Why an I/O or JSON operation failed, in one line: Jackson's message without its location, the field it was in. */
    static String reason(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            message = "field " + field + ": " + message;
        }
        message = message.replace('\n', ' ').strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static void deleteQuietly(Path probe) {
        if (probe != null) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // A leftover empty probe file is harmless; failing the command for it would not be.
            }
        }
    }
}
