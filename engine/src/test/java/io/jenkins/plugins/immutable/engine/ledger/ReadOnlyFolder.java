package io.jenkins.plugins.immutable.engine.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Makes a folder that no one can create files in, and undoes it. Permissions suffice for ordinary users; root ignores
 * them (as in CI containers), so there the folder is also made immutable ({@code chattr +i}), which binds root too.
 * If neither works the test fails: a read-only test that does not test read-only must not pass.
 */
final class ReadOnlyFolder implements AutoCloseable {

    private final Path dir;
    private boolean immutable;

    private ReadOnlyFolder(Path dir) {
        this.dir = dir;
    }

    static ReadOnlyFolder of(Path dir) throws IOException, InterruptedException {
        ReadOnlyFolder folder = new ReadOnlyFolder(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (canWrite(dir)) {
            folder.immutable = chattr("+i", dir);
        }
        if (canWrite(dir)) {
            folder.close();
            throw new AssertionError("cannot make " + dir + " read-only here (running as root without chattr?)");
        }
        return folder;
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
