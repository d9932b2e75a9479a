package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's face of signed releases against the real daemon, registry and HAProxy: keygen, build --sign-key (and
 * IMMUTABLE_SIGNING_KEY), verify --public-key (exit 0, and 4 with the wrong key), the deploy gate (exit 4, traffic
 * untouched, the reason named) until --no-require-signature; and the private key in no output or file left behind.
 */
class SignedReleasesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String env = RealCli.uniqueEnv("signed");
    private final List<CliRun.Result> runs = new ArrayList<>();
    private HaproxyProcess haproxy;

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("signed-" + env + "-");
    }

    @Test
    void keygenBuildVerifyAndTheGate() throws Exception {
        RealCli cli = new RealCli(dir.resolve("state"));
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "signed");
        String repository = RealCli.SERVICES.registry() + "/cli-it/signed-" + env;

        CliRun.Result keygen = run(cli, "keygen", "--out", dir.resolve("keys").toString());
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        assertThat(keygen.out()).contains("key id SHA256:");
        run(cli, "keygen", "--out", dir.resolve("other").toString());
        assertThat(run(cli, "keygen", "--out", dir.resolve("keys").toString()).exitCode()).isEqualTo(2); // never overwritten
        String key = dir.resolve("keys/signing.key").toString();
        String pub = dir.resolve("keys/signing.pub").toString();

        CliRun.Result signed = run(cli, "build", "--image", repository, "--context",
                SampleApp.write(dir.resolve("a"), "signed a\n").toString(), "--sign-key", key, "--out", dir.resolve("out-a").toString(),
                "--output", "json");
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        JsonNode a = JSON.readTree(signed.out());
        assertThat(a.path("signed").asBoolean()).isTrue();
        assertThat(a.path("keyId").asText()).startsWith("SHA256:");
        assertThat(dir.resolve("out-a/provenance.intoto.dsse.json")).exists();

        CliRun.Result viaEnv = new CliRun().env("IMMUTABLE_STATE", dir.resolve("state").toString())
                .env("DOCKER_HOST", RealCli.SERVICES.dockerHost()).env("IMMUTABLE_SIGNING_KEY", key)
                .engines(io.jenkins.plugins.immutable.engine.ReleaseEngines::open)
                .run("build", "--image", repository, "--context", SampleApp.write(dir.resolve("c"), "signed c\n").toString());
        runs.add(viaEnv);
        assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
        assertThat(viaEnv.out()).contains("signed        SHA256:");

        JsonNode b = JSON.readTree(run(cli, "build", "--image", repository, "--context",
                SampleApp.write(dir.resolve("b"), "unsigned b\n").toString(), "--output", "json").out());
        assertThat(b.path("signed").asBoolean()).isFalse();

        CliRun.Result verified = run(cli, "verify", "--ref", a.path("ref").asText(), "--public-key", pub, "--builder-id", "cli@cli-it");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("pass  signature", "pass  subject digest", "pass  predicate type", "pass  builder id",
                "verified: all");
        CliRun.Result wrongKey = run(cli, "verify", "--ref", a.path("ref").asText(), "--public-key",
                dir.resolve("other/signing.pub").toString());
        assertThat(wrongKey.exitCode()).isEqualTo(4);
        assertThat(wrongKey.out()).contains("FAIL  signature");
        CliRun.Result none = run(cli, "verify", "--ref", b.path("ref").asText(), "--public-key", pub);
        assertThat(none.exitCode()).isEqualTo(4);
        assertThat(none.out()).contains("FAIL  attestation");
        assertThat(run(cli, "verify", "--ref", a.path("ref").asText(), "--provenance",
                dir.resolve("out-a/provenance.intoto.json").toString()).exitCode()).isZero();

        CliRun.Result first = run(cli, "deploy", "--env", env, "--ref", a.path("ref").asText(), "--app", "signed",
                "--health-path", "/health", "--health-timeout", "20s", "--haproxy-socket", haproxy.socket().toString(),
                "--haproxy-backend", "signed", "--require-signature", "--public-key", pub);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        CliRun.Result gate = run(cli, "deploy", "--env", env, "--ref", b.path("ref").asText());
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(4);
        assertThat(gate.err()).contains("Refused to deploy", "no signed provenance", "Traffic did not move");
        assertThat(run(cli, "status", "--env", env, "--output", "json").out()).contains(a.path("releaseId").asText());
        CliRun.Result unlocked = run(cli, "deploy", "--env", env, "--ref", b.path("ref").asText(), "--no-require-signature");
        assertThat(unlocked.exitCode()).as(unlocked.toString()).isZero();

        // The private key: in no output, and in no file of the state folder or the --out folders.
        String secret = Files.readString(dir.resolve("keys/signing.key")).replaceAll("-----[A-Z ]+-----|\\s", "");
        List<String> lines = Files.readAllLines(dir.resolve("keys/signing.key")).stream().filter(l -> !l.startsWith("-----")).toList();
        StringBuilder seen = new StringBuilder();
        runs.forEach(r -> seen.append(r.out()).append(r.err()));
        for (Path folder : List.of(dir.resolve("state"), dir.resolve("out-a"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    seen.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(seen.toString()).doesNotContain("PRIVATE KEY").doesNotContain(secret);
        lines.forEach(line -> assertThat(seen.toString()).doesNotContain(line));
    }

    private CliRun.Result run(RealCli cli, String... args) {
        CliRun.Result result = cli.run(args);
        runs.add(result);
        return result;
    }
}
