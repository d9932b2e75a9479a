package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a {@link BuildContext} as the tar the daemon's build endpoint reads. Only what the {@link InputDigest}
 * covers reaches the tar, so the same inputs give the same bytes: entries in path order; files 0644, or 0755 when
 * executable; folders 0755; symbolic links kept as links; owner 0:0 without names; every time
 * {@link #MODIFICATION_TIME}; POSIX (PAX) headers for long or non-ASCII names and big numbers.
 *
 * <p>A Dockerfile outside the context is added the way docker/cli's {@code AddDockerfileToBuildContext}
 * ({@code cli/command/image/build/context.go}) adds it: under a {@code .dockerfile.} name beside the context's
 * files, and with that name appended to {@code .dockerignore} (which is created, listing itself, when there is
 * none), so the daemon, which drops the Dockerfile and {@code .dockerignore} from the context when they are
 * excluded, drops both before any {@code COPY} sees them. The CLI picks a random name; here it is derived from the
 * Dockerfile's hash, so the tar stays reproducible, and re-derived in the unlikely case that a context path
 * already uses it.
 */
public final class ContextTar {

    /** The modification time of every entry: one second after the epoch, as jib does (0 upsets some tools). */
    public static final Instant MODIFICATION_TIME = Instant.ofEpochSecond(1);

    static final String DOCKERFILE_PREFIX = ".dockerfile.";

    private static final int FILE_MODE = 0100644;
    private static final int EXECUTABLE_MODE = 0100755;
    private static final int DIRECTORY_MODE = 040755;
    private static final int SYMLINK_MODE = 0120777;

    private ContextTar() {
    }

    /**
     * Writes the tar to {@code out}, which stays open.
     *
     * @param dockerfile the Dockerfile the context was scanned with
     * @return the Dockerfile's path inside the tar: the {@code dockerfile} parameter of the daemon's build call
     * @throws InvalidInputException when a file of the context cannot be read or changed since the scan
     * @throws IOException           when writing to {@code out} fails
     */
    public static String write(BuildContext context, Path dockerfile, OutputStream out) throws IOException, InvalidInputException {
        if (!dockerfile.toAbsolutePath().toRealPath().equals(context.dockerfile())) {
            throw new IllegalArgumentException(dockerfile + " is not the Dockerfile " + context.dockerfile()
                    + " the context was scanned with");
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);

        String dockerfileName;
        if (context.dockerfileInContext()) {
            dockerfileName = context.dockerfilePath().orElseThrow();
            for (ContextEntry entry : context.entries()) {
                writeEntry(tar, entry);
            }
        } else {
            byte[] content = readDockerfile(context.dockerfile());
            dockerfileName = outsideDockerfileName(context, content);
            byte[] ignoreSuffix = ("\n" + dockerfileName + "\n").getBytes(StandardCharsets.UTF_8);
            boolean hadIgnoreFile = false;
            for (ContextEntry entry : context.entries()) {
                if (entry.path().equals(DockerIgnore.FILE_NAME)) {
                    writeFile(tar, entry.path(), concat(readIgnoreFile(entry), ignoreSuffix), entry.executable());
                    hadIgnoreFile = true;
                } else {
                    writeEntry(tar, entry);
                }
            }
            if (!hadIgnoreFile) {
                writeFile(tar, DockerIgnore.FILE_NAME,
                        concat(DockerIgnore.FILE_NAME.getBytes(StandardCharsets.UTF_8), ignoreSuffix), false);
            }
            writeFile(tar, dockerfileName, content, false);
        }
        tar.finish();
        tar.flush();
        return dockerfileName;
    }

    /**
     * The Dockerfile's path inside the tar {@link #write} writes, known before writing it: the daemon's build call
     * names it before the tar's first byte is sent.
     */
    public static String dockerfileName(BuildContext context) throws InvalidInputException {
        return context.dockerfileInContext() ? context.dockerfilePath().orElseThrow()
                : outsideDockerfileName(context, readDockerfile(context.dockerfile()));
    }

    /** {@code .dockerfile.} and 20 hex digits of the Dockerfile's hash, re-hashed while a context path uses it. */
    static String outsideDockerfileName(BuildContext context, byte[] dockerfileContent) {
        String name = DOCKERFILE_PREFIX + hex20(dockerfileContent);
        while (taken(context, name)) {
            name = DOCKERFILE_PREFIX + hex20(name.getBytes(StandardCharsets.UTF_8));
        }
        return name;
    }

    private static boolean taken(BuildContext context, String name) {
        return context.entries().stream().anyMatch(e -> e.path().equals(name) || e.path().startsWith(name + "/"));
    }

    private static String hex20(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)).substring(0, 20);
    }

    private static void writeEntry(TarArchiveOutputStream tar, ContextEntry entry) throws IOException, InvalidInputException {
        switch (entry.kind()) {
            case DIRECTORY -> {
                tar.putArchiveEntry(header(entry.path() + "/", TarConstants.LF_DIR, DIRECTORY_MODE, 0));
                tar.closeArchiveEntry();
            }
            case SYMLINK -> {
                TarArchiveEntry link = header(entry.path(), TarConstants.LF_SYMLINK, SYMLINK_MODE, 0);
                link.setLinkName(entry.linkTarget());
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            case FILE -> {
                int mode = entry.executable() ? EXECUTABLE_MODE : FILE_MODE;
                tar.putArchiveEntry(header(entry.path(), TarConstants.LF_NORMAL, mode, entry.size()));
                Sha256.copyExactly(entry, tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void writeFile(TarArchiveOutputStream tar, String name, byte[] content, boolean executable) throws IOException {
        tar.putArchiveEntry(header(name, TarConstants.LF_NORMAL, executable ? EXECUTABLE_MODE : FILE_MODE, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry header(String name, byte type, int mode, long size) {
        TarArchiveEntry header = new TarArchiveEntry(name, type);
        header.setMode(mode);
        header.setSize(size);
        header.setLastModifiedTime(FileTime.from(MODIFICATION_TIME));
        header.setUserId(0);
        header.setGroupId(0);
        header.setUserName("");
        header.setGroupName("");
        return header;
    }

    private static byte[] readIgnoreFile(ContextEntry entry) throws IOException, InvalidInputException {
        if (entry.kind() != ContextEntry.Kind.FILE) {
            throw new InvalidInputException("context", entry.source() + " is not a regular file, so the name of a"
                    + " Dockerfile outside the context cannot be added to it: make it a file, or move the Dockerfile"
                    + " into the context");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Sha256.copyExactly(entry, content);
        return content.toByteArray();
    }

    private static byte[] readDockerfile(Path dockerfile) throws InvalidInputException {
        try {
            return Files.readAllBytes(dockerfile);
        } catch (IOException e) {
            throw new InvalidInputException("dockerfile", "cannot read the Dockerfile " + dockerfile + " ("
                    + Failures.reason(e) + "): make it readable by the user running the build");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
