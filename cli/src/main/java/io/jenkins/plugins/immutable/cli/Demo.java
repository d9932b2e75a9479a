package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code immutable demo}: the whole story on this machine, each step printed with the command that does the same by
 * hand. Services → a router → build v1 → deploy blue → build v2 → deploy green (the switch) → roll back to v1 (no
 * container started) → the release table. The engine does the work; this class only tells the story in order.
 */
final class Demo {

    static final String APP = "hello";
    static final String ENV = "demo";

    private final CliContext context;
    private final Path root;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private int step;

    Demo(CliContext context, Path root) {
        this.context = context;
        this.root = root;
        this.out = context.out();
    }

    int run() throws Exception {
        step("the local services: a Docker daemon and a registry on loopback (scripts/services start)");
        LocalServices services = LocalServices.ensure(root, context.env(), out);
        Path dir = Files.createDirectories(services.runDir().resolve("demo"));
        Path state = dir.resolve("state");
        String repository = services.registry() + "/demo/" + APP;
        Path example = prepareExample(services.busybox());

        step("a router of its own: haproxy with the blue and green servers, both off");
        try (DemoHaproxy haproxy = DemoHaproxy.start(services.haproxyBinary(), dir, APP)) {
            String url = "http://127.0.0.1:" + haproxy.port() + "/";
            say("haproxy pid " + haproxy.pid() + " serves " + url + ", admin socket " + haproxy.socket());
            get(url);

            Output output = new Output(context, OutputFormat.TEXT);
            EngineConfig config = EngineConfig.builder(state).dockerHost(services.dockerHost()).handler(output::event).build();
            try (ReleaseEngine engine = context.engines().apply(config)) {
                Story story = new Story(engine, repository, example, haproxy, url);
                story.tell(services.dockerHost());
            }
        }
        step("done in " + seconds() + " s");
        say("the demo stopped its haproxy; the services keep running for the next run.");
        say("stop them:  " + root.resolve("scripts/services") + " stop");
        say("run again:  bin/immutable demo   (v1 and v2 are then reused by input digest, nothing is rebuilt)");
        say("look again: bin/immutable releases --state " + state);
        return ExitCode.DONE;
    }

    /** The steps that need the engine and the router. */
    private final class Story {
        private final ReleaseEngine engine;
        private final String repository;
        private final Path example;
        private final DemoHaproxy haproxy;
        private final String url;

        Story(ReleaseEngine engine, String repository, Path example, DemoHaproxy haproxy, String url) {
            this.engine = engine;
            this.repository = repository;
            this.example = example;
            this.haproxy = haproxy;
            this.url = url;
        }

        void tell(String dockerHost) throws Exception {
            BuildResult v1 = build("v1");
            step("deploy v1: blue starts, passes its health check, and the router switches to it");
            show(deploy(v1));
            get(url);

            BuildResult v2 = build("v2");
            step("deploy v2: green starts beside blue; traffic switches only once green is healthy");
            say("before: ");
            get(url);
            show(deploy(v2));
            say("after: ");
            get(url);

            step("roll back to v1: blue is still warm, so the router switches back and no container starts");
            String prefix = APP + "-" + ENV + "-";
            Map<String, String> before = Containers.named(dockerHost, prefix);
            command("immutable rollback --env " + ENV);
            EnvironmentView rolledBack = engine.rollback(RollbackRequest.of(ENV, null, null));
            show(rolledBack);
            Map<String, String> after = Containers.named(dockerHost, prefix);
            get(url);
            containers(before, after);

            step("the releases, newest first, and where each runs now");
            command("immutable releases");
            ReleasesText.printReleases(engine.releases(), out);
            say("");
            say("provenance (SLSA v1 in-toto statements):");
            say("  v1 " + v1.release().id() + "  " + v1.provenanceFile());
            say("  v2 " + v2.release().id() + "  " + v2.provenanceFile());
            command("immutable verify --ref " + v2.release().ref() + " --provenance " + v2.provenanceFile());
            VerifyResult verified = engine.verify(v2.release().ref(), v2.provenanceFile());
            verified.checks().forEach(c -> say("  " + (c.passed() ? "pass" : "FAIL") + "  " + c.name() + "  " + c.detail()));
        }

        private BuildResult build(String version) throws Exception {
            step("build " + version + " (FROM scratch + static busybox; --build-arg VERSION=" + version + ")");
            command("immutable build --image " + repository + " --context " + root.relativize(example)
                    + " --build-arg VERSION=" + version);
            BuildResult result = engine.build(BuildRequest.builder()
                    .image(repository)
                    .context(example)
                    .buildArg("VERSION", version)
                    .source(null, GitRevision.of(root))
                    .builderId(BuilderId.of(context))
                    .build());
            BuildText.print(result, out);
            if (result.reused()) {
                say("=> " + version + " reused by input digest " + result.release().inputDigest() + ": nothing was built");
            }
            return result;
        }

        private EnvironmentView deploy(BuildResult release) throws Exception {
            command("immutable deploy --env " + ENV + " --ref " + release.release().ref() + " --app " + APP
                    + " --health-path /health --health-timeout 30s --haproxy-socket " + haproxy.socket()
                    + " --haproxy-backend " + haproxy.backend());
            return engine.deploy(DeployRequest.builder()
                    .environment(ENV)
                    .ref(release.release().ref().toString())
                    .app(APP)
                    .port(8080)
                    .healthPath("/health")
                    .healthTimeout("30s")
                    .haproxySocket(haproxy.socket().toString())
                    .haproxyBackend(haproxy.backend())
                    .keepPrevious("1h")
                    .build());
        }

        private void show(EnvironmentView view) {
            EnvironmentText.print(view, out);
        }
    }

    private void containers(Map<String, String> before, Map<String, String> after) {
        say("containers of " + ENV + " on the daemon before the rollback:");
        before.forEach((name, id) -> say("  " + name + "  " + id.substring(0, 12)));
        say("after:");
        after.forEach((name, id) -> say("  " + name + "  " + id.substring(0, 12)));
        if (before.equals(after)) {
            say("=> no container was started for the rollback: the same " + after.size() + " containers, the same ids");
        } else {
            say("=> the containers changed: the rollback redeployed instead of switching (see the steps above)");
        }
    }

    /** The example's context with the static busybox copied in: the binary is not kept in git. */
    private Path prepareExample(Path busybox) throws IOException {
        Path example = root.resolve("examples/hello");
        if (!Files.isRegularFile(busybox)) {
            throw new IOException(busybox + " is missing: the demo's image needs Debian's busybox-static "
                    + "(scripts/services start installs it)");
        }
        Path target = example.resolve("busybox");
        if (!Files.isRegularFile(target) || Files.mismatch(busybox, target) != -1) {
            Files.copy(busybox, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return example;
    }

    private void get(String url) throws InterruptedException {
        say("  GET " + url + " -> " + HttpGet.get(url));
    }

    private void step(String title) {
        out.println();
        out.println("== " + (++step) + ". " + title + "  [" + seconds() + " s]");
    }

    private void command(String line) {
        out.println("$ " + line);
    }

    private void say(String line) {
        out.println(line);
    }

    private String seconds() {
        return String.format("%.1f", (System.nanoTime() - started) / 1e9);
    }
}
