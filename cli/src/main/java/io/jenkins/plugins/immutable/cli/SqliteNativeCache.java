package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the SQLite driver's native library in the user's cache folder, so a command loads it from there.
 *
 * <p>Left to itself, the driver copies its 1 MB library out of the jar into a temporary file at every start, compares
 * the copy byte by byte, and runs {@code uname -o} in a child process to tell Termux from Linux: about 0.1 s of every
 * command that opens a ledger. Here the first command copies it once into {@code <cache>/sqlite-<driver version>-<os>-
 * <arch>/} (to a temporary name, then renamed, so concurrent first runs never load a half-written file), and every
 * command points the driver at it with {@code org.sqlite.lib.path}. Should that copy fail to load, the driver falls
 * back to its own extraction: this is only ever a faster start.
 *
 * <p>Only a folder that is the user's own and writable by nobody else is used: a library loaded into the process
 * must not be replaceable by another user.
 */
final class SqliteNativeCache {

    private static final String LIBRARY = "libsqlitejdbc.so";

    private SqliteNativeCache() {
    }

    /** Points the driver at the cached library (copying it there first if needed); does nothing it cannot do safely. */
    static void use(Map<String, String> env) {
        if (System.getProperty("org.sqlite.lib.path") != null || !"Linux".equals(System.getProperty("os.name"))) {
            return; // the user chose a library, or another OS: the driver's own way
        }
        Path cache = cacheFolder(env);
        if (cache == null) {
            return;
        }
        try {
            Path folder = cache.resolve("sqlite-" + driverVersion() + "-" + System.getProperty("os.arch"));
            Path library = folder.resolve(LIBRARY);
            if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)) {
                copyOut(folder, library);
            }
            if (privateTo(folder) && privateTo(library)) {
                System.setProperty("org.sqlite.lib.path", folder.toString());
                System.setProperty("org.sqlite.lib.name", LIBRARY);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // a full disk, a read-only home, a driver without this resource: the driver extracts as it always did
        }
    }

    /** The folder the launcher names ({@code IMMUTABLE_CACHE}), else {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    static Path cacheFolder(Map<String, String> env) {
        String named = env.get("IMMUTABLE_CACHE");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "immutable-release");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "immutable-release");
    }

    /** The pinned version, with anything but letters, digits and dots made '_' (it names a folder). */
    static String driverVersion() {
        return PinnedVersions.SQLITE_JDBC.replaceAll("[^0-9A-Za-z.]", "_");
    }

    /** Copies the library this platform needs out of the jar: where the driver itself would look (one {@code uname}). */
    private static void copyOut(Path folder, Path library) throws IOException {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LIBRARY;
        try (InputStream in = SqliteNativeCache.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            Path partial = Files.createTempFile(folder, LIBRARY, ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Owned by this user and writable by no one else. */
    static boolean privateTo(Path path) throws IOException {
        if (!Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return !permissions.contains(PosixFilePermission.GROUP_WRITE) && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }
}
