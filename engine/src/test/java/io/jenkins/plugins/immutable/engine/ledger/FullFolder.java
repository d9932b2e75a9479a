package io.jenkins.plugins.immutable.engine.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (a tmpfs mounted on a temporary folder) that a test can fill up, to see what a full
 * disk does. Needs the right to mount (root, as in CI containers); without it the test fails saying so.
 */
final class FullFolder implements AutoCloseable {

    private final Path dir;

    private FullFolder(Path dir) {
        this.dir = dir;
    }

    static FullFolder mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString()) != 0) {
            throw new AssertionError("cannot mount a small tmpfs on " + dir + " to fill it (needs root, or CAP_SYS_ADMIN)");
        }
        return new FullFolder(dir);
    }

    Path dir() {
        return dir;
    }

    /** Writes a filler file until the file system refuses more. */
    void fill() throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // No space left: what we wanted.
        }
    }

    void unfill() throws IOException {
        Files.deleteIfExists(dir.resolve("filler"));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }
}
