package io.jenkins.plugins.immutable.engine.inputs;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One file, folder or symbolic link of a build context, as the daemon receives it.
 *
 * @param path       relative to the context root, {@code /}-separated, never empty, no leading or trailing
 *                   {@code /}
 * @param kind       what it is; symbolic links are never followed
 * @param executable for a {@link Kind#FILE}, whether its owner may execute it (the only permission kept); always
 *                   {@code false} for folders and links, which are sent with fixed modes
 * @param size       a file's size in bytes when it was scanned; 0 for folders and links
 * @param linkTarget a link's target exactly as stored in the link; {@code null} for files and folders
 * @param source     where it is on disk, absolute
 */
public record ContextEntry(String path, Kind kind, boolean executable, long size, String linkTarget, Path source) {

    /** Orders paths by the bytes of their UTF-8 encoding (the same as by code point). */
    public static final Comparator<String> PATH_ORDER = ContextEntry::compareCodePoints;

    /** The kinds of entries a context holds. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK
    }

    public ContextEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("'" + path + "' is not a relative path inside the context");
        }
        if ((kind == Kind.SYMLINK) != (linkTarget != null)) {
            throw new IllegalArgumentException(path + ": a link target is required for links and only for links");
        }
        if (size < 0 || kind != Kind.FILE && (size != 0 || executable)) {
            throw new IllegalArgumentException(path + ": only files have a size or an executable bit");
        }
    }

    static ContextEntry file(String path, boolean executable, long size, Path source) {
        return new ContextEntry(path, Kind.FILE, executable, size, null, source);
    }

    static ContextEntry directory(String path, Path source) {
        return new ContextEntry(path, Kind.DIRECTORY, false, 0, null, source);
    }

    static ContextEntry symlink(String path, String target, Path source) {
        return new ContextEntry(path, Kind.SYMLINK, false, 0, target, source);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
