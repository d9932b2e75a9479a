package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/immutable} as a subprocess: it finds Java, runs the shaded jar, and the exit codes reach the shell. */
class LauncherIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("IMMUTABLE_STATE", dir.resolve("state").toString(), "DOCKER_HOST", RealCli.SERVICES.dockerHost());
    }

    @Test
    void printsItsVersion() throws Exception {
        CliRun.Result result = Subprocess.run(dir, env(), TIMEOUT, "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("immutable \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void buildsAndListsThroughTheLauncher() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "through the launcher\n");
        String repository = RealCli.SERVICES.registry() + "/cli-it/launcher";

        CliRun.Result built = Subprocess.run(dir, env(), TIMEOUT, "build", "--image", repository, "--context", context.toString(),
                "--output", "json");

        assertThat(built.exitCode()).as(built.toString()).isZero();
        JsonNode release = new ObjectMapper().readTree(built.out());
        assertThat(release.get("ref").asText()).startsWith(repository + "@sha256:");
        assertThat(built.err()).as("the build log goes to stderr in JSON mode").contains("  | ");

        CliRun.Result listed = Subprocess.run(dir, env(), TIMEOUT, "releases");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).startsWith("RELEASE").contains(release.get("releaseId").asText());
    }

    @Test
    void keepsWhatItLearnsOnceInTheCacheFolder() throws Exception {
        Path cache = dir.resolve("xdg-cache");
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("XDG_CACHE_HOME", cache.toString());
        Path folder = cache.resolve("immutable-release");

        CliRun.Result first = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the Java version, the releases command's class archive, the SQLite library's folder")
                    .anyMatch(name -> name.matches("java-[0-9a-f]{16}\\.version"))
                    .anyMatch(name -> name.matches("cds-[0-9a-f]{16}-releases\\.jsa"))
                    .anyMatch(name -> name.startsWith("sqlite-"))
                    .noneMatch(name -> name.contains(".tmp-"));
        }
        try (var libraries = Files.walk(folder).filter(f -> f.getFileName().toString().equals("libsqlitejdbc.so"))) {
            assertThat(libraries).hasSize(1);
        }

        CliRun.Result second = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).as("the same answer from the archive and the cached library").isEqualTo(first.out());
        assertThat(second.err()).as("the JVM says nothing of its archive on a command's streams").isEmpty();
        CliRun.Result version = Subprocess.run(dir, env, TIMEOUT, "--version");
        assertThat(version.exitCode()).isZero();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.matches("cds-[0-9a-f]{16}-main\\.jsa"));
        }
    }

    @Test
    void onJava25ItKeepsAnAotCacheAndTheFirstRunPrintsOnlyItsAnswer() throws Exception {
        Path java25 = newestJdk(25);
        Path cache = dir.resolve("xdg-cache");
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", java25.toString());
        Path folder = cache.resolve("immutable-release");

        CliRun.Result first = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).as("the recording run's own line stays off stdout").isEqualTo("[ ]\n");
        assertThat(first.err()).as("and off stderr").isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.matches("aot-[0-9a-f]{16}-releases\\.aot"))
                    .noneMatch(name -> name.contains(".config-") || name.contains(".tmp-") || name.endsWith(".jsa"));
        }

        CliRun.Result second = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).as("the JVM says nothing of its cache, nor of the SQLite driver's native access").isEmpty();
    }

    @Test
    void aJava25ThatRefusesTheAotOptionsStillRunsTheCommandFromADynamicArchive() throws Exception {
        Path java25 = newestJdk(25);
        Path fakeHome = Files.createDirectories(dir.resolve("jdk-without-aot/bin")).getParent();
        Path java = fakeHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -XX:AOT*) echo 'Error occurred during"
                + " initialization of VM' >&2; exit 1;; esac; done\nexec '" + java25.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = dir.resolve("xdg-cache");
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", fakeHome.toString());

        for (int run = 0; run < 2; run++) {
            CliRun.Result result = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("[ ]\n");
            assertThat(result.err()).isEmpty();
        }
        Path folder = cache.resolve("immutable-release");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.matches("cds-[0-9a-f]{16}-releases\\.jsa"))
                    .noneMatch(name -> name.startsWith("aot-"));
        }
        try (var answers = Files.list(folder)) {
            Path answer = answers.filter(f -> f.getFileName().toString().matches("java-[0-9a-f]{16}\\.aot")).findFirst().orElseThrow();
            assertThat(Files.readString(answer)).as("asked once, kept").isEqualTo("no\n");
        }
    }

    @Test
    void javaOptionsThatChooseClassSharingThemselvesAreLeftAlone() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        env.put("IMMUTABLE_JAVA_OPTS", "-XX:+UseSerialGC -Xshare:off");

        CliRun.Result result = Subprocess.run(dir, env, TIMEOUT, "releases", "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("[ ]\n");
        try (var files = Files.list(dir.resolve("xdg-cache/immutable-release"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("cds-") || name.startsWith("aot-"));
        }
    }

    /** The newest JDK of at least {@code major} under /usr/lib/jvm (this machine's kind has Temurin's beside Debian's). */
    private static Path newestJdk(int major) throws Exception {
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release")))
                    .filter(home -> javaVersion(home) >= major)
                    .max(java.util.Comparator.comparingInt(LauncherIT::javaVersion))
                    .orElseThrow(() -> new org.opentest4j.TestAbortedException("no JDK " + major + "+ under /usr/lib/jvm on this"
                            + " machine: the launcher's AOT cache path is not tested here"));
        }
    }

    private static int javaVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Test
    void badInputExits2InTheShell() throws Exception {
        CliRun.Result result = Subprocess.run(dir, env(), TIMEOUT, "deploy", "--env", "staging", "--ref", "127.0.0.1:5000/hello:latest");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--ref: '127.0.0.1:5000/hello:latest' is a tag, not a digest reference");
    }

    @Test
    void refusesAJavaOlderThan17() throws Exception {
        Path fakeHome = Files.createDirectories(dir.resolve("jdk11/bin"));
        Path java = fakeHome.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun.Result result = Subprocess.run(dir, Map.of("JAVA_HOME", fakeHome.getParent().toString()), TIMEOUT, "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is Java 11.0.22; the command needs Java 17 or newer");
    }
}
