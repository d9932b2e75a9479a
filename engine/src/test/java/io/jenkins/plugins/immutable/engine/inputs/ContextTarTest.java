package io.jenkins.plugins.immutable.engine.inputs;

import static io.jenkins.plugins.immutable.engine.inputs.Files2.chmod;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.copyTree;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.mkdirs;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.symlink;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

    @TempDir
    Path dir;

    private Path ctx;

    @BeforeEach
    void sampleContext() {
        ctx = dir.resolve("ctx");
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /app\n");
        write(ctx, ".dockerignore", "*.log\n");
        write(ctx, "src/main.c", "int main(void) { return 0; }\n");
        chmod(write(ctx, "bin/run", "#!/bin/sh\n"), "rwx------");
        chmod(write(ctx, "conf/app.conf", "k=v\n"), "rw-------");
        write(ctx, "debug.log", "noise");
        symlink(ctx, "current", "src");
        mkdirs(ctx, "empty");
    }

    /** A tar read back: each entry's header and content, in order. */
    private record Tar(Map<String, TarArchiveEntry> headers, Map<String, String> contents) {
    }

    private static Tar read(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> headers = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                headers.put(e.getName(), e);
                contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new Tar(headers, contents);
    }

    private static byte[] tar(Path context, Path dockerfile, String[] returnedName) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = ContextTar.write(BuildContext.scan(context, dockerfile), dockerfile, out);
        if (returnedName != null) {
            returnedName[0] = name;
        }
        return out.toByteArray();
    }

    @Test
    void entriesNamesModesLinksAndTimes() throws Exception {
        String[] dockerfile = new String[1];
        Tar tar = read(tar(ctx, ctx.resolve("Dockerfile"), dockerfile));

        assertThat(dockerfile[0]).isEqualTo("Dockerfile");
        assertThat(tar.headers().keySet()).containsExactly(".dockerignore", "Dockerfile", "bin/", "bin/run", "conf/",
                "conf/app.conf", "current", "empty/", "src/", "src/main.c");
        assertThat(tar.headers().get("bin/run").getMode() & 07777).isEqualTo(0755);
        assertThat(tar.headers().get("conf/app.conf").getMode() & 07777).isEqualTo(0644);
        assertThat(tar.headers().get("src/").getMode() & 07777).isEqualTo(0755);
        assertThat(tar.headers().get("src/").isDirectory()).isTrue();
        assertThat(tar.headers().get("current").isSymbolicLink()).isTrue();
        assertThat(tar.headers().get("current").getLinkName()).isEqualTo("src");
        assertThat(tar.contents().get("src/main.c")).isEqualTo("int main(void) { return 0; }\n");
        assertThat(tar.contents().get(".dockerignore")).isEqualTo("*.log\n");
        for (TarArchiveEntry e : tar.headers().values()) {
            assertThat(e.getLastModifiedTime().toInstant()).as(e.getName()).isEqualTo(ContextTar.MODIFICATION_TIME);
            assertThat(e.getLongUserId()).as(e.getName()).isZero();
            assertThat(e.getLongGroupId()).as(e.getName()).isZero();
            assertThat(e.getUserName()).as(e.getName()).isEmpty();
        }
    }

    @Test
    void byteIdenticalForCopiesMadeAtDifferentTimes() throws Exception {
        Path first = copyTree(ctx, dir.resolve("a/ctx"), Instant.parse("2010-01-01T00:00:00Z"));
        Path second = copyTree(ctx, dir.resolve("b/c/ctx"), Instant.parse("2030-06-15T12:00:00Z"));

        byte[] one = tar(first, first.resolve("Dockerfile"), null);
        byte[] two = tar(second, second.resolve("Dockerfile"), null);

        assertThat(one).isEqualTo(two);
        write(second, "src/main.c", "int main(void) { return 2; }\n");
        assertThat(tar(second, second.resolve("Dockerfile"), null)).isNotEqualTo(one);
    }

    @Test
    void longNamesAndLinkTargetsSurvive() throws Exception {
        String longPath = "deep/" + "a-rather-long-folder-name/".repeat(6) + "file.txt";
        String longTarget = "../".repeat(3) + "x".repeat(120);
        write(ctx, longPath, "deep");
        symlink(ctx, "far", longTarget);

        Tar tar = read(tar(ctx, ctx.resolve("Dockerfile"), null));

        assertThat(longPath.length()).isGreaterThan(100);
        assertThat(tar.contents().get(longPath)).isEqualTo("deep");
        assertThat(tar.headers().get("far").getLinkName()).isEqualTo(longTarget);
    }

    @Test
    void dockerfileOutsideTheContextIsAddedAndIgnoredLikeTheCliDoes() throws Exception {
        String content = "FROM scratch\nCOPY . /srv\n";
        Path outside = write(dir, "ops/Dockerfile", content);
        String[] name = new String[1];

        Tar tar = read(tar(ctx, outside, name));

        String hash = HexFormat.of().formatHex(Sha256.newDigest().digest(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(name[0]).isEqualTo(".dockerfile." + hash.substring(0, 20));
        assertThat(tar.contents().get(name[0])).isEqualTo(content);
        // the context's own Dockerfile is an ordinary file here, sent as it is
        assertThat(tar.contents().get("Dockerfile")).isEqualTo("FROM scratch\nCOPY . /app\n");
        assertThat(tar.contents().get(".dockerignore")).isEqualTo("*.log\n\n" + name[0] + "\n");
        assertThat(tar.headers().keySet()).doesNotContain("debug.log").endsWith(name[0]);
    }

    @Test
    void dockerignoreIsCreatedListingItselfWhenThereIsNone() throws Exception {
        Files.delete(ctx.resolve(".dockerignore"));
        Path outside = write(dir, "ops/Dockerfile", "FROM scratch\n");
        String[] name = new String[1];

        Tar tar = read(tar(ctx, outside, name));

        assertThat(tar.contents().get(".dockerignore")).isEqualTo(".dockerignore\n" + name[0] + "\n");
        assertThat(tar.headers().get(".dockerignore").getMode() & 07777).isEqualTo(0644);
    }

    @Test
    void outsideDockerfileNameAvoidsContextPaths() throws Exception {
        byte[] content = "FROM scratch\n".getBytes(StandardCharsets.UTF_8);
        Path outside = Files.write(dir.resolve("Dockerfile.outside"), content);
        String taken = ContextTar.outsideDockerfileName(BuildContext.scan(ctx, outside), content);
        write(ctx, taken + "/inside", "collides");

        String[] name = new String[1];
        Tar tar = read(tar(ctx, outside, name));

        assertThat(name[0]).startsWith(ContextTar.DOCKERFILE_PREFIX).isNotEqualTo(taken);
        assertThat(tar.contents().get(name[0])).isEqualTo("FROM scratch\n");
        assertThat(tar.contents().get(taken + "/inside")).isEqualTo("collides");
    }

    @Test
    void dockerfileInASubfolderIsNamedByItsPath() throws Exception {
        write(ctx, "docker/app.Dockerfile", "FROM scratch\n");
        String[] name = new String[1];
        tar(ctx, ctx.resolve("docker/app.Dockerfile"), name);
        assertThat(name[0]).isEqualTo("docker/app.Dockerfile");
    }

    @Test
    void theCallersStreamStaysOpen() throws Exception {
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ContextTar.write(BuildContext.scan(ctx, ctx.resolve("Dockerfile")), ctx.resolve("Dockerfile"), out);
        assertThat(closed[0]).isFalse();
        assertThat(out.size() % 512).isZero();
    }

    @Test
    void anotherDockerfileThanTheScannedOneIsRefused() throws Exception {
        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));
        Path other = write(dir, "other/Dockerfile", "FROM scratch\n");
        assertThatThrownBy(() -> ContextTar.write(context, other, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the Dockerfile");
    }
}
