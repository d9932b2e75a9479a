package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.inputs.PatternMatcher.MatchInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk that decides what the CLI puts into the context it sends: a port of the loop in moby's
 * {@code pkg/archive} {@code TarWithOptions} (archive.go) with the CLI's exclude patterns. Each path is matched with
 * {@code MatchesUsingParentResults}, its folder's results handed down; an excluded file is left out; an excluded
 * folder is not even entered unless an exception pattern's text starts with the folder's path (so
 * {@code !node_modules/keep} rescues {@code node_modules/keep} but {@code !**}{@code /keep} rescues nothing below
 * an excluded folder, exactly as in Docker), and an excluded folder that is entered is itself not sent.
 * Symbolic links are never followed. Sockets are skipped as Docker skips them; other special files are refused.
 */
final class ContextWalk {

    /** Checks that a regular file can be opened; a seam for tests, which run as root. */
    interface ReadCheck {
        /** Opening is the check, as in the CLI's {@code ValidateContextDirectory}. */
        ReadCheck OPEN = file -> Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS).close();

        void check(Path file) throws IOException;
    }

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_SOCKET = 0140000;

    private final PatternMatcher matcher;
    private final ReadCheck readCheck;
    private final List<ContextEntry> found = new ArrayList<>();
    private int foldersListed;

    ContextWalk(PatternMatcher matcher, ReadCheck readCheck) {
        this.matcher = matcher;
        this.readCheck = readCheck;
    }

    /** The entries below {@code root} (not {@code root} itself) that the CLI would send, in walk order. */
    List<ContextEntry> walk(Path root) throws InvalidInputException {
        walk(root, "", null);
        return found;
    }

    /** How many folders the walk listed, the root included: what skipping excluded folders saves shows here. */
    int foldersListed() {
        return foldersListed;
    }

    private void walk(Path dir, String relDir, MatchInfo dirInfo) throws InvalidInputException {
        foldersListed++;
        for (Path child : children(dir)) {
            String name = child.getFileName().toString();
            String rel = relDir.isEmpty() ? name : relDir + "/" + name;
            BasicFileAttributes attrs = attributes(child);
            MatchInfo info;
            try {
                info = matcher.matchesUsingParentResults(rel, dirInfo);
            } catch (IllegalArgumentException e) {
                throw DockerIgnore.badPattern(e);
            }
            if (info.excluded()) {
                if (attrs.isDirectory() && mayRescueBelow(rel)) {
                    walk(child, rel, info);
                }
                continue;
            }
            add(child, rel, attrs);
            if (attrs.isDirectory()) {
                walk(child, rel, info);
            }
        }
    }

    /** Docker's test for entering an excluded folder: an exception pattern that starts with its path. */
    private boolean mayRescueBelow(String relDir) {
        String dirSlash = relDir + "/";
        return matcher.exclusions() && matcher.patterns().stream()
                .anyMatch(p -> p.exclusion() && (p.text() + "/").startsWith(dirSlash));
    }

    private void add(Path file, String rel, BasicFileAttributes attrs) throws InvalidInputException {
        try {
            if (attrs.isSymbolicLink()) {
                found.add(ContextEntry.symlink(rel, Files.readSymbolicLink(file).toString(), file));
            } else if (attrs.isDirectory()) {
                found.add(ContextEntry.directory(rel, file));
            } else if (attrs.isRegularFile()) {
                readCheck.check(file);
                found.add(ContextEntry.file(rel, ownerMayExecute(attrs), attrs.size(), file));
            } else if (!isSocket(file)) {
                throw new InvalidInputException("context", file + " is a special file (a pipe or a device), which a"
                        + " build context cannot hold: exclude it in " + DockerIgnore.FILE_NAME);
            }
        } catch (IOException e) {
            throw Failures.unreadable(file, e);
        }
    }

    private static List<Path> children(Path dir) throws InvalidInputException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            throw Failures.unreadable(dir, e);
        }
        // The order only makes errors reproducible; BuildContext sorts the result.
        children.sort((a, b) -> ContextEntry.PATH_ORDER.compare(a.getFileName().toString(), b.getFileName().toString()));
        return children;
    }

    private static BasicFileAttributes attributes(Path file) throws InvalidInputException {
        try {
            try {
                return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException notPosix) {
                return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw Failures.unreadable(file, e);
        }
    }

    private static boolean ownerMayExecute(BasicFileAttributes attrs) {
        return attrs instanceof PosixFileAttributes posix && posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static boolean isSocket(Path file) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & TYPE_MASK) == TYPE_SOCKET;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return false;
        }
    }
}
