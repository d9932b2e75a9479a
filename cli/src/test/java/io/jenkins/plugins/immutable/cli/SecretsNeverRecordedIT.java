package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants secrets the way a new user would (a token in the source URI, a password under a harmless-looking name,
 * secret-looking names, an explicit secret build argument), builds through the real command against the real daemon
 * and registry, replays the build, and then reads back everything that was written: stdout, stderr, every engine
 * event, every file of the state folder and of {@code --out}, {@code releases}' output, and the image's manifest,
 * config and history as the registry and the daemon hold them. No planted value may appear, in clear, URL-encoded or
 * base64.
 */
class SecretsNeverRecordedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The image reads every argument, and a stage of its own proves the secret one reached the daemon. */
    private static final String DOCKERFILE = """
            FROM scratch AS probe
            COPY busybox /bin/busybox
            ARG NPM_RC
            ARG EXPECTED_SHA
            RUN ["/bin/busybox", "sh", "-c", "test \\"$(/bin/busybox echo -n \\"$NPM_RC\\" | /bin/busybox sha256sum | /bin/busybox cut -c1-64)\\" = \\"$EXPECTED_SHA\\" && /bin/busybox touch /npm-rc-was-given"]

            FROM scratch
            ARG CREDS
            ARG DB_PASSWORD
            ARG GITHUB_TOKEN
            ARG MY_KEY
            ARG SIGNING_PASSPHRASE
            ARG VERSION
            ARG KEYBOARD_LAYOUT
            COPY --from=probe /npm-rc-was-given /npm-rc-was-given
            COPY busybox /bin/busybox
            COPY www /www
            ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
            """;

    @TempDir
    Path dir;

    private final List<EngineEvent> events = new ArrayList<>();

    @Test
    void noPlantedSecretIsWrittenAnywhere() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("token in --source-uri", "ghp" + random());
        secrets.put("password under CREDS", "pw" + random());
        secrets.put("DB_PASSWORD", "db" + random());
        secrets.put("GITHUB_TOKEN", "gh" + random());
        secrets.put("MY_KEY", "key" + random());
        secrets.put("SIGNING_PASSPHRASE", "sign" + random());
        secrets.put("--secret-build-arg NPM_RC", "npm" + random());
        String npmRcSha = sha256Hex(secrets.get("--secret-build-arg NPM_RC"));

        Path context = context();
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        String repository = RealCli.SERVICES.registry() + "/secrets-it/app";
        List<String> build = new ArrayList<>(List.of("build", "--image", repository, "--context", context.toString(),
                "--source-uri", "https://user:" + secrets.get("token in --source-uri") + "@github.com/o/r.git",
                "--source-revision", "0123456789abcdef0123456789abcdef01234567",
                "--build-arg", "CREDS=user:" + secrets.get("password under CREDS"),
                "--build-arg", "DB_PASSWORD=" + secrets.get("DB_PASSWORD"),
                "--build-arg", "GITHUB_TOKEN=" + secrets.get("GITHUB_TOKEN"),
                "--build-arg", "MY_KEY=" + secrets.get("MY_KEY"),
                "--build-arg", "SIGNING_PASSPHRASE=" + secrets.get("SIGNING_PASSPHRASE"),
                "--build-arg", "VERSION=v1",
                "--build-arg", "KEYBOARD_LAYOUT=de-nodeadkeys",
                "--build-arg", "EXPECTED_SHA=" + npmRcSha,
                "--secret-build-arg", "NPM_RC=" + secrets.get("--secret-build-arg NPM_RC"),
                "--out", out.toString()));

        List<CliRun.Result> runs = new ArrayList<>();
        CliRun.Result text = run(state, build);
        runs.add(text);
        CliRun.Result replay = run(state, concat(build, "--output", "json"));
        runs.add(replay);
        runs.add(run(state, List.of("releases")));
        runs.add(run(state, List.of("releases", "--output", "json")));
        for (CliRun.Result result : runs) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }

        JsonNode replayed = JSON.readTree(replay.out());
        String ref = replayed.path("ref").asText();

        // A changed secret is a changed input: built anew, not reused.
        List<String> changed = new ArrayList<>(build);
        String changedRc = "npm-changed-" + random();
        changed.set(changed.indexOf("NPM_RC=" + secrets.get("--secret-build-arg NPM_RC")), "NPM_RC=" + changedRc);
        changed.set(changed.indexOf("EXPECTED_SHA=" + npmRcSha), "EXPECTED_SHA=" + sha256Hex(changedRc));
        Path changedOut = dir.resolve("out-changed");
        changed.set(changed.indexOf(out.toString()), changedOut.toString());
        CliRun.Result rebuilt = run(state, concat(changed, "--output", "json"));
        runs.add(rebuilt);
        assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isZero();

        Map<String, String> written = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            written.put("run " + i + " stdout", runs.get(i).out());
            written.put("run " + i + " stderr", runs.get(i).err());
        }
        for (int i = 0; i < events.size(); i++) {
            written.put("event " + i, events.get(i).message() + " " + events.get(i));
        }
        filesUnder(state, written);
        filesUnder(out, written);
        filesUnder(changedOut, written);
        written.put("registry manifest and config of " + ref, registryRecords(ref));
        written.put("daemon's history and inspect of " + ref, daemonRecords(ref));
        assertThat(written.keySet()).as("what the scan covers").anyMatch(k -> k.endsWith("ledger.db"))
                .anyMatch(k -> k.endsWith("provenance.intoto.json")).anyMatch(k -> k.endsWith("release.json"));
        assertThat(written.get("registry manifest and config of " + ref)).as("the source label").contains("github.com/o/r.git");

        List<String> found = new ArrayList<>();
        secrets.forEach((what, value) -> {
            for (String form : forms(value)) {
                written.forEach((where, content) -> {
                    if (content.contains(form)) {
                        found.add(what + " (as '" + form + "') in " + where);
                    }
                });
            }
        });
        assertThat(found).as("planted secrets found in what was written").isEmpty();

        // What must be there: the records the scan read are a real build's, replayed, with secrets given.
        assertThat(replayed.path("reused").asBoolean()).as("the same secret again is the same input: reused").isTrue();
        assertThat(replayed.path("sourceUri").asText()).isEqualTo("https://github.com/o/r.git");
        assertThat(text.out() + text.err()).containsOnlyOnce("The source URI carried user info");
        JsonNode external = JSON.readTree(Files.readString(out.resolve("provenance.intoto.json")))
                .path("predicate").path("buildDefinition").path("externalParameters");
        assertThat(external.path("source").path("uri").asText()).isEqualTo("https://github.com/o/r.git");
        assertThat(external.path("secretBuildArgs").path("NPM_RC").path("sha256").asText()).isEqualTo(npmRcSha);
        for (String name : List.of("CREDS", "DB_PASSWORD", "GITHUB_TOKEN", "MY_KEY", "SIGNING_PASSPHRASE")) {
            assertThat(external.path("buildArgs").path(name).asText()).as(name).isEqualTo("<redacted>");
        }
        assertThat(external.path("buildArgs").path("KEYBOARD_LAYOUT").asText()).isEqualTo("de-nodeadkeys");

        assertThat(JSON.readTree(rebuilt.out()).path("inputDigest").asText()).isNotEqualTo(replayed.path("inputDigest").asText());
    }

    private CliRun.Result run(Path state, List<String> args) {
        EventHandler capture = events::add;
        return new CliRun()
                .env("IMMUTABLE_STATE", state.toString())
                .env("DOCKER_HOST", RealCli.SERVICES.dockerHost())
                .env("HOSTNAME", "secrets-it")
                .engines(config -> ReleaseEngines.open(new EngineConfig(config.stateDir(), config.dockerHost(),
                        config.dockerConfigDir(), config.dockerTlsVerify(), config.dockerCertPath(), concat(config.handlers(), capture),
                        config.clock())))
                .run(args.toArray(String[]::new));
    }

    private Path context() throws Exception {
        Path context = dir.resolve("app");
        Files.createDirectories(context.resolve("www"));
        Files.copy(RealCli.SERVICES.busybox(), context.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(context.resolve("www/index.html"), "secrets " + random() + "\n");
        return context;
    }

    /** The value, and the encodings a careless writer might use. */
    private static List<String> forms(String value) {
        return Stream.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)).replace("=", "")).distinct().toList();
    }

    private static void filesUnder(Path root, Map<String, String> into) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                into.put(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static String registryRecords(String ref) throws Exception {
        String registry = ref.substring(0, ref.indexOf('/'));
        String name = ref.substring(ref.indexOf('/') + 1, ref.indexOf('@'));
        String digest = ref.substring(ref.indexOf('@') + 1);
        HttpClient http = HttpClient.newHttpClient();
        String manifest = http.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + name + "/manifests/" + digest))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String configDigest = JSON.readTree(manifest).path("config").path("digest").asText();
        assertThat(configDigest).as(manifest).startsWith("sha256:");
        String config = http.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + name + "/blobs/" + configDigest))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return manifest + "\n" + config;
    }

    private static String daemonRecords(String ref) throws Exception {
        StringBuilder all = new StringBuilder();
        for (List<String> command : List.of(
                List.of("docker", "-H", RealCli.SERVICES.dockerHost(), "history", "--no-trunc", ref),
                List.of("docker", "-H", RealCli.SERVICES.dockerHost(), "image", "inspect", ref))) {
            Processes.Result result = Processes.run(command, Path.of("").toAbsolutePath(), Map.of());
            assertThat(result.exitCode()).as(result.output()).isZero();
            all.append(result.output()).append('\n');
        }
        return all.toString();
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> list, T... more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }
}
