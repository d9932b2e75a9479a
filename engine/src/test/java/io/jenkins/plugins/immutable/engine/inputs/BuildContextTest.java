package io.jenkins.plugins.immutable.engine.inputs;

import static io.jenkins.plugins.immutable.engine.inputs.Files2.chmod;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.mkdirs;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.symlink;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.inputs.ContextEntry.Kind;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path dir;

    private Path context() {
        return dir.resolve("ctx");
    }

    private List<String> paths(BuildContext context) {
        return context.entries().stream().map(ContextEntry::path).toList();
    }

    @Test
    void entriesAreFilesFoldersAndLinksSortedByPath() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, "a.txt", "hello");
        write(ctx, "a/b.txt", "");
        chmod(write(ctx, "bin/run", "#!/bin/sh\n"), "rwxr-xr-x");
        mkdirs(ctx, "empty");
        symlink(ctx, "link-to-a", "a");
        symlink(ctx, "dangling", "does/not/exist");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));

        // '.' (0x2e) sorts before '/' (0x2f): "a" < "a.txt" < "a/b.txt"
        assertThat(paths(context)).containsExactly("Dockerfile", "a", "a.txt", "a/b.txt", "bin", "bin/run",
                "dangling", "empty", "link-to-a");
        assertThat(context.entry("a.txt")).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.FILE);
            assertThat(e.size()).isEqualTo(5);
            assertThat(e.executable()).isFalse();
            assertThat(e.source()).isEqualTo(ctx.toRealPath().resolve("a.txt"));
        });
        assertThat(context.entry("bin/run")).get().extracting(ContextEntry::executable).isEqualTo(true);
        assertThat(context.entry("a")).get().extracting(ContextEntry::kind).isEqualTo(Kind.DIRECTORY);
        assertThat(context.entry("link-to-a")).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.SYMLINK);
            assertThat(e.linkTarget()).isEqualTo("a");
        });
        assertThat(context.entry("dangling")).get().extracting(ContextEntry::linkTarget).isEqualTo("does/not/exist");
        assertThat(context.dockerfileInContext()).isTrue();
        assertThat(context.dockerfilePath()).contains("Dockerfile");
    }

    @Test
    void pathOrderIsUtf8ByteOrderNotUtf16() {
        List<String> names = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF5E", "z", "é", "Z"));
        names.sort(ContextEntry.PATH_ORDER);
        // U+FF5E (EF BD 9E) before U+1F600 (F0 9F 98 80), although its UTF-16 unit is larger than a surrogate
        assertThat(names).containsExactly("Z", "z", "é", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void dockerignoreExcludesButTheBuildFilesAreAlwaysSent() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "# everything but app\n*\n!app\n");
        write(ctx, "app/main.sh", "echo hi\n");
        write(ctx, "secret.txt", "s3cret");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));

        assertThat(paths(context)).containsExactly(".dockerignore", "Dockerfile", "app", "app/main.sh");
    }

    @Test
    void excludedFolderIsNotEnteredWithoutAnExceptionBelowIt() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "node_modules\n**/*.log\n!keep.log\n");
        for (int i = 0; i < 5; i++) {
            write(ctx, "node_modules/pkg" + i + "/lib/index.js", "x");
        }
        write(ctx, "keep.log", "k");
        write(ctx, "debug.log", "d");
        write(ctx, "src/deep/trace.log", "t");

        DockerIgnore ignore = DockerIgnore.read(ctx).keepingBuildFiles("Dockerfile");
        ContextWalk walk = new ContextWalk(ignore.matcher(), ContextWalk.ReadCheck.OPEN);
        List<String> sent = walk.walk(ctx).stream().map(ContextEntry::path).sorted().toList();

        assertThat(sent).containsExactly(".dockerignore", "Dockerfile", "keep.log", "src", "src/deep");
        // the root, src and src/deep: node_modules and its 15 folders were never listed
        assertThat(walk.foldersListed()).isEqualTo(3);
    }

    @Test
    void exceptionNamingAPathBelowAnExcludedFolderIsReached() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "node_modules\n!node_modules/keep\n");
        write(ctx, "node_modules/keep/index.js", "k");
        write(ctx, "node_modules/drop/index.js", "d");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));

        // the excluded folder itself is not sent; the daemon creates it for the re-included files
        assertThat(paths(context)).containsExactly(".dockerignore", "Dockerfile", "node_modules/keep",
                "node_modules/keep/index.js");
    }

    @Test
    void wildcardExceptionDoesNotReachBelowAnExcludedFolderAsInDocker() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "vendor\n!**/LICENSE\n");
        write(ctx, "vendor/lib/LICENSE", "MIT");
        write(ctx, "LICENSE", "MIT");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));

        // Docker enters an excluded folder only for an exception whose text starts with the folder's path
        assertThat(paths(context)).containsExactly(".dockerignore", "Dockerfile", "LICENSE");
    }

    @Test
    void walkHandsParentResultsDownAsDockerDoesNotAsMatchesOrParentMatches() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "**/f\n!a\n");
        write(ctx, "a/f", "f");
        write(ctx, "a/g", "g");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("Dockerfile"));

        // "!a" was skipped for "a" (nothing matched yet) so its result is not handed down: a/f stays excluded
        assertThat(paths(context)).containsExactly(".dockerignore", "Dockerfile", "a", "a/g");
        assertThat(DockerIgnore.parse("**/f\n!a\n").excludes("a/f")).isFalse();
    }

    @Test
    void dockerfileInAnExcludedFolderIsSent() throws Exception {
        Path ctx = context();
        write(ctx, "build/Dockerfile", "FROM scratch\n");
        write(ctx, "build/other", "o");
        write(ctx, ".dockerignore", "build\n");

        BuildContext context = BuildContext.scan(ctx, ctx.resolve("build/Dockerfile"));

        assertThat(paths(context)).containsExactly(".dockerignore", "build/Dockerfile");
        assertThat(context.dockerfilePath()).contains("build/Dockerfile");
    }

    @Test
    void dockerfileDockerCannotRescueIsReported() {
        Path ctx = context();
        write(ctx, "x/z/Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "x/**/z\n");

        assertThatThrownBy(() -> BuildContext.scan(ctx, ctx.resolve("x/z/Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dockerfile: the Dockerfile x/z/Dockerfile lies in a folder that .dockerignore excludes")
                .hasMessageContaining("add '!x/z/Dockerfile'");
    }

    @Test
    void dockerfileOutsideTheContextIsNotAnEntry() throws Exception {
        Path ctx = context();
        write(ctx, "app.txt", "a");
        Path dockerfile = write(dir, "elsewhere/Dockerfile", "FROM scratch\n");

        BuildContext context = BuildContext.scan(ctx, dockerfile);

        assertThat(context.dockerfileInContext()).isFalse();
        assertThat(context.dockerfilePath()).isEmpty();
        assertThat(context.dockerfile()).isEqualTo(dockerfile.toRealPath());
        assertThat(paths(context)).containsExactly("app.txt");
    }

    @Test
    void linkedDockerfileIsResolvedLikeTheCli() throws Exception {
        Path ctx = context();
        write(ctx, "docker/real.Dockerfile", "FROM scratch\n");
        Path outside = write(dir, "outside.Dockerfile", "FROM scratch\n");
        symlink(ctx, "Dockerfile", "docker/real.Dockerfile");
        symlink(ctx, "Outside.Dockerfile", outside.toString());

        assertThat(BuildContext.scan(ctx, ctx.resolve("Dockerfile")).dockerfilePath()).contains("docker/real.Dockerfile");
        assertThat(BuildContext.scan(ctx, ctx.resolve("Outside.Dockerfile")).dockerfileInContext()).isFalse();
    }

    @Test
    void unreadableFileIsNamedWithWhatToDo() {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        Path locked = write(ctx, "conf/locked.pem", "k");
        // the tests run as root, who can read anything: the check is made to fail as it would for another user
        Path real = toRealPath(locked);
        ContextWalk.ReadCheck denied = file -> {
            if (file.equals(real)) {
                throw new AccessDeniedException(file.toString());
            }
        };

        assertThatThrownBy(() -> BuildContext.scan(ctx, ctx.resolve("Dockerfile"), denied))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("context: cannot read " + real + " (permission denied): make it readable by"
                        + " the user running the build, or exclude it in .dockerignore");
    }

    private static Path toRealPath(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void excludedUnreadableFileIsNotChecked() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "*.pem\n");
        write(ctx, "locked.pem", "k");
        ContextWalk.ReadCheck denied = file -> {
            if (file.getFileName().toString().endsWith(".pem")) {
                throw new AccessDeniedException(file.toString());
            }
        };

        assertThat(paths(BuildContext.scan(ctx, ctx.resolve("Dockerfile"), denied))).doesNotContain("locked.pem");
    }

    @Test
    void pipeIsRefusedAndSocketSkipped() throws Exception {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(ctx.resolve("agent.sock")));
            assertThat(paths(BuildContext.scan(ctx, ctx.resolve("Dockerfile")))).containsExactly("Dockerfile");
        }

        Process mkfifo = new ProcessBuilder("mkfifo", ctx.resolve("pipe").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThatThrownBy(() -> BuildContext.scan(ctx, ctx.resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(ctx.toRealPath().resolve("pipe") + " is a special file")
                .hasMessageContaining("exclude it in .dockerignore");

        write(ctx, ".dockerignore", "pipe\n");
        assertThat(paths(BuildContext.scan(ctx, ctx.resolve("Dockerfile")))).containsExactly(".dockerignore", "Dockerfile");
    }

    @Test
    void missingContextOrDockerfileNamesTheField() {
        assertThatThrownBy(() -> BuildContext.scan(dir.resolve("nope"), dir.resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("context: cannot open the context folder " + dir.resolve("nope"));
        mkdirs(dir, "ctx");
        assertThatThrownBy(() -> BuildContext.scan(context(), context().resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dockerfile: cannot open the Dockerfile");
    }

    @Test
    void invalidPatternFailsTheScan() {
        Path ctx = context();
        write(ctx, "Dockerfile", "FROM scratch\n");
        write(ctx, ".dockerignore", "[z-a]\n");

        assertThatThrownBy(() -> BuildContext.scan(ctx, ctx.resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("syntax error in pattern '[z-a]'")
                .hasMessageContaining("invalid character class range");
    }
}
