package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command in a process of its own ({@code java -cp <test class path> …cli.Main}), for tests that stop it at a
 * fault point ({@code IMMUTABLE_PAUSE_AT}) and then {@code kill -9} it, or change the world and let it go on
 * ({@code IMMUTABLE_RESUME_FILE}).
 */
final class CliProcess {

    static final String MARKER = "IMMUTABLE_PAUSED_AT ";

    private final Process process;
    private final Path log;
    private final Path resumeFile;

    private CliProcess(Process process, Path log, Path resumeFile) {
        this.process = process;
        this.log = log;
        this.resumeFile = resumeFile;
    }

    /** Starts {@code immutable args…} with the given environment, pausing at {@code point}. */
    static CliProcess start(Path dir, Map<String, String> env, String point, String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "cli-", ".log");
        Path resume = dir.resolve("resume-" + log.getFileName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("IMMUTABLE_PAUSE_AT", point);
        builder.environment().put("IMMUTABLE_RESUME_FILE", resume.toString());
        return new CliProcess(builder.start(), log, resume);
    }

    /** Waits until the process pauses at {@code point}. */
    CliProcess awaitPause(String point) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.readString(log).contains(MARKER + point)) {
            assertThat(process.isAlive()).as("the command reaches %s; its output:%n%s", point, Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("reaching %s; output so far:%n%s", point, Files.readString(log)).isBefore(deadline);
            Thread.sleep(50);
        }
        return this;
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** Lets the paused process go on and returns its exit code and output. */
    CliRun.Result resume() throws IOException, InterruptedException {
        Files.writeString(resumeFile, "go");
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        String output = Files.readString(log);
        return new CliRun.Result(process.exitValue(), output, output);
    }
}
