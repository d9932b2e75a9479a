package io.jenkins.plugins.immutable.engine.inputs;

import static io.jenkins.plugins.immutable.engine.inputs.Files2.chmod;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.copyTree;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.mkdirs;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.symlink;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDigestTest {

    private static final SortedMap<String, String> NO_ARGS = new TreeMap<>();

    @TempDir
    Path dir;

    private Path ctx;

    @BeforeEach
    void sampleContext() {
        ctx = dir.resolve("ctx");
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /app\n");
        write(ctx, ".dockerignore", "*.log\n");
        write(ctx, "src/main.c", "int main(void) { return 0; }\n");
        chmod(write(ctx, "bin/run", "#!/bin/sh\nexec /app/main\n"), "rwxr-xr-x");
        write(ctx, "build.log", "noise");
        symlink(ctx, "current", "src");
        mkdirs(ctx, "empty");
    }

    private Digest digest(Path context) throws Exception {
        return digest(context, context.resolve("Dockerfile"), NO_ARGS, null);
    }

    private static Digest digest(Path context, Path dockerfile, SortedMap<String, String> args, String target) throws Exception {
        BuildContext scanned = BuildContext.scan(context, dockerfile);
        return InputDigest.compute(scanned, Files.readAllBytes(dockerfile), args, target);
    }

    private static SortedMap<String, String> args(String... nameValues) {
        SortedMap<String, String> args = new TreeMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            args.put(nameValues[i], nameValues[i + 1]);
        }
        return args;
    }

    @Test
    void sameInputsCopiedElsewhereAtAnotherTimeGiveTheSameDigest() throws Exception {
        Path first = copyTree(ctx, dir.resolve("one/ctx"), Instant.parse("2001-02-03T04:05:06Z"));
        Path second = copyTree(ctx, dir.resolve("two/deeper/ctx"), Instant.parse("2024-12-31T23:59:59Z"));
        chmod(second.resolve("src/main.c"), "rw-rw-rw-"); // permissions other than the executable bit do not count

        assertThat(digest(first)).isEqualTo(digest(second)).isEqualTo(digest(ctx));
        assertThat(digest(first).value()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void oneChangedByteInAnIncludedFileChangesIt() throws Exception {
        Digest before = digest(ctx);
        write(ctx, "src/main.c", "int main(void) { return 1; }\n");
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void aChangeOnlyInAnIgnoredFileDoesNotChangeIt() throws Exception {
        Digest before = digest(ctx);
        write(ctx, "build.log", "other noise");
        write(ctx, "new.log", "more noise");
        assertThat(digest(ctx)).isEqualTo(before);
    }

    @Test
    void theExecutableBitCounts() throws Exception {
        Digest before = digest(ctx);
        chmod(ctx.resolve("src/main.c"), "rwxr--r--");
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void renamingAFileChangesIt() throws Exception {
        Digest before = digest(ctx);
        Files.move(ctx.resolve("src/main.c"), ctx.resolve("src/main2.c"));
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void changingALinkTargetChangesIt() throws Exception {
        Digest before = digest(ctx);
        Files.delete(ctx.resolve("current"));
        symlink(ctx, "current", "bin");
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void buildArgNamesValuesAndTargetCount() throws Exception {
        Path df = ctx.resolve("Dockerfile");
        Digest base = digest(ctx, df, args("VERSION", "1.0", "MODE", "prod"), "runtime");

        assertThat(digest(ctx, df, args("MODE", "prod", "VERSION", "1.0"), "runtime")).isEqualTo(base);
        assertThat(digest(ctx, df, args("VERSION", "1.1", "MODE", "prod"), "runtime")).isNotEqualTo(base);
        assertThat(digest(ctx, df, args("VERSIONS", "1.0", "MODE", "prod"), "runtime")).isNotEqualTo(base);
        assertThat(digest(ctx, df, args("VERSION", "1.0"), "runtime")).isNotEqualTo(base);
        assertThat(digest(ctx, df, args("VERSION", "1.0", "MODE", "prod"), "build")).isNotEqualTo(base);
        assertThat(digest(ctx, df, args("VERSION", "1.0", "MODE", "prod"), null)).isNotEqualTo(base);
        // the fields are length-prefixed: moving text between a name and a value is a different input
        assertThat(digest(ctx, df, args("AB", "C"), null)).isNotEqualTo(digest(ctx, df, args("A", "BC"), null));
        // "no target" is the empty target
        assertThat(digest(ctx, df, NO_ARGS, null)).isEqualTo(digest(ctx, df, NO_ARGS, ""));
    }

    @Test
    void theDockerfileCounts() throws Exception {
        Digest before = digest(ctx);
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /srv\n");
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void dockerfileContentCountsEvenWhenItIsIgnored() throws Exception {
        write(ctx, ".dockerignore", "*.log\nDockerfile\n");
        Digest before = digest(ctx);
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /srv\n");
        assertThat(digest(ctx)).isNotEqualTo(before);
    }

    @Test
    void anEmptyFileIsNotAMissingFileNorAnEmptyFolder() throws Exception {
        Digest without = digest(ctx);
        write(ctx, "marker", "");
        Digest withEmptyFile = digest(ctx);
        Files.delete(ctx.resolve("marker"));
        mkdirs(ctx, "marker");
        Digest withEmptyFolder = digest(ctx);

        assertThat(withEmptyFile).isNotEqualTo(without).isNotEqualTo(withEmptyFolder);
        assertThat(withEmptyFolder).isNotEqualTo(without);
    }

    @Test
    void theSameDockerfileInsideOrOutsideTheContextDiffers() throws Exception {
        Path outside = write(dir, "outside/Dockerfile", Files.readString(ctx.resolve("Dockerfile")));
        assertThat(digest(ctx, outside, NO_ARGS, null)).isNotEqualTo(digest(ctx));
    }

    @Test
    void aFileThatChangedSinceTheScanIsReported() throws Exception {
        BuildContext scanned = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));
        write(ctx, "src/main.c", "grown since the scan\n".repeat(10));

        assertThatThrownBy(() -> InputDigest.compute(scanned, new byte[0], NO_ARGS, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(ctx.toRealPath().resolve("src/main.c") + " changed while the build context was read");
    }

    /** The encoding documented on {@link InputDigest}, written out independently for a tiny context. */
    @Test
    void matchesTheDocumentedEncoding() throws Exception {
        Path small = dir.resolve("small");
        write(small, "Dockerfile", "FROM scratch\n");
        chmod(write(small, "a/run", "x"), "rwxr-xr-x");
        symlink(small, "l", "a/run");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        str(out, "immutable-release/inputs/v1");
        str(out, "context");
        out.writeLong(4);
        entry(out, "Dockerfile", "file", "0", sha256("FROM scratch\n"));
        entry(out, "a", "directory", "0", new byte[0]);
        entry(out, "a/run", "file", "1", sha256("x"));
        entry(out, "l", "symlink", "0", sha256("a/run"));
        str(out, "dockerfile");
        str(out, "Dockerfile");
        str(out, "FROM scratch\n");
        str(out, "build-args");
        out.writeLong(2);
        str(out, "A");
        str(out, "1");
        str(out, "B");
        str(out, "");
        str(out, "target");
        str(out, "final");

        Digest actual = digest(small, small.resolve("Dockerfile"), args("B", "", "A", "1"), "final");
        assertThat(actual).isEqualTo(Digest.ofSha256(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray())));
    }

    private static void entry(DataOutputStream out, String path, String kind, String executable, byte[] hash) throws IOException {
        str(out, path);
        str(out, kind);
        str(out, executable);
        out.writeLong(hash.length);
        out.write(hash);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeLong(bytes.length);
        out.write(bytes);
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void secretBuildArgsCountByTheHashOfTheirValueInVersion2() throws Exception {
        BuildContext scanned = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));
        byte[] dockerfile = Files.readAllBytes(ctx.resolve("Dockerfile"));
        Digest none = InputDigest.compute(scanned, dockerfile, args("A", "1"), null);
        Digest emptySecrets = InputDigest.compute(scanned, dockerfile, args("A", "1"), null, new TreeMap<>());
        Digest one = InputDigest.compute(scanned, dockerfile, args("A", "1"), null, args("S", "hunter2"));
        Digest same = InputDigest.compute(scanned, dockerfile, args("A", "1"), null, args("S", "hunter2"));
        Digest other = InputDigest.compute(scanned, dockerfile, args("A", "1"), null, args("S", "hunter3"));
        Digest asPlainArg = InputDigest.compute(scanned, dockerfile, args("A", "1", "S", "hunter2"), null);

        assertThat(emptySecrets).as("no secret args: version 1, as before").isEqualTo(none);
        assertThat(one).isEqualTo(same).isNotEqualTo(none).isNotEqualTo(other).isNotEqualTo(asPlainArg);
        assertThat(one).isEqualTo(version2(scanned, dockerfile));
    }

    /** The documented version-2 encoding, written out by hand: the value enters only as its SHA-256. */
    private static Digest version2(BuildContext scanned, byte[] dockerfile) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        str(out, "immutable-release/inputs/v2");
        str(out, "context");
        out.writeLong(scanned.entries().size());
        for (ContextEntry entry : scanned.entries()) {
            str(out, entry.path());
            str(out, entry.kind().name().toLowerCase(java.util.Locale.ROOT));
            str(out, entry.executable() ? "1" : "0");
            byte[] h = switch (entry.kind()) {
                case FILE -> MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(entry.source()));
                case SYMLINK -> MessageDigest.getInstance("SHA-256").digest(entry.linkTarget().getBytes(StandardCharsets.UTF_8));
                case DIRECTORY -> new byte[0];
            };
            out.writeLong(h.length);
            out.write(h);
        }
        str(out, "dockerfile");
        str(out, scanned.dockerfilePath().orElse(""));
        out.writeLong(dockerfile.length);
        out.write(dockerfile);
        str(out, "build-args");
        out.writeLong(1);
        str(out, "A");
        str(out, "1");
        str(out, "target");
        str(out, "");
        str(out, "secret-build-args");
        out.writeLong(1);
        str(out, "S");
        byte[] h = MessageDigest.getInstance("SHA-256").digest("hunter2".getBytes(StandardCharsets.UTF_8));
        out.writeLong(h.length);
        out.write(h);
        out.flush();
        return Digest.ofSha256(sha.digest(bytes.toByteArray()));
    }
}
