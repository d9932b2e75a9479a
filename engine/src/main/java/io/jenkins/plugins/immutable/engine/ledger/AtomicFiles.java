package io.jenkins.plugins.immutable.engine.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a crash at any instant leaves either the old or the new content, never a mix: write a
 * temporary file in the same folder, force it to disk, rename it over the target (atomic within one file system),
 * then force the folder so the rename itself survives a power loss.
 */
public final class AtomicFiles {

    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}: a crash leaves the old file or the new one, never a mix. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        String prefix = tempPrefix(target);
        removeOrphans(dir, prefix);
        Path temp = dir.resolve(prefix + PID + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeFully(ch, content, 0);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder(dir);
    }

    static void writeFully(FileChannel ch, byte[] content, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        long at = position;
        while (buffer.hasRemaining()) {
            at += ch.write(buffer, at);
        }
    }

    /** Makes a folder's entries (a new file, a rename) durable; a file's own {@code force} does not cover them. */
    static void forceFolder(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder as a channel; the rename is still atomic there.
            if (Files.isDirectory(dir) && isLinux()) {
                throw e;
            }
        }
    }

    /** Hidden, and named after its target and writer so that orphans can be told apart from writes in progress. */
    static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".tmp-";
    }

    /** A writer killed between creating its temporary file and the rename leaves the temporary file: remove those. */
    private static void removeOrphans(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path temp : temps) {
                if (writerIsGone(temp.getFileName().toString().substring(prefix.length()))) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static boolean writerIsGone(String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? pidAndRandom : pidAndRandom.substring(0, dash));
            // Our own pid: another thread of this process may be writing right now.
            return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
