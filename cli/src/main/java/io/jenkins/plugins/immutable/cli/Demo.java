package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code immutable demo}: the whole story on this machine, each step printed with the command that does the same by
 * hand. Services → a router → build v1 → deploy → build v2 → deploy beside it (the switch) → roll back to v1 (no
 * container started) → the release table. The engine does the work and says what it did; this class only tells the
 * story in order. A second run finds the environment as the first left it: the engine sets the new router back to the
 * live colour, and the builds are reused by input digest.
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
        // IMMUTABLE_DEMO_DIR and IMMUTABLE_DEMO_REPOSITORY give a run a fresh state and repository (the demo's test).
        String demoDir = context.env().get("IMMUTABLE_DEMO_DIR");
        Path dir = Files.createDirectories(demoDir != null ? Path.of(demoDir) : services.runDir().resolve("demo"));
        String repository = context.env().getOrDefault("IMMUTABLE_DEMO_REPOSITORY", "demo/" + APP);
        Path state = dir.resolve("state");
        Path example = prepareExample(services.busybox());

        step("a router of its own: haproxy with the servers blue and green, both off");
        try (DemoHaproxy haproxy = DemoHaproxy.start(services.haproxyBinary(), dir, APP)) {
            String url = "http://127.0.0.1:" + haproxy.port() + "/";
            say("haproxy (pid " + haproxy.pid() + ") listens on " + url + "; admin socket " + haproxy.socket());
            get("", url);

            Output output = new Output(context, OutputFormat.TEXT);
            EngineConfig config = EngineConfig.builder(state).dockerHost(services.dockerHost()).handler(output::event).build();
            try (ReleaseEngine engine = context.engines().apply(config)) {
                new Story(engine, output, services.registry() + "/" + repository, example, haproxy, url).tell(services.dockerHost());
            }
        }
        out.println();
        out.println("== done in " + seconds() + " s");
        say("The demo stopped its haproxy. The services keep running, and so do the demo's two containers:");
        say("  stop the services (and the containers): " + root.resolve("scripts/services") + " stop");
        say("  run the demo again:                     bin/immutable demo   (v1 and v2 are reused by input digest)");
        say("  look at its releases again:             bin/immutable releases --state " + state);
        return ExitCode.DONE;
    }

    /** The steps that need the engine and the router. */
    private final class Story {
        private final ReleaseEngine engine;
        private final Output output;
        private final String repository;
        private final Path example;
        private final DemoHaproxy haproxy;
        private final String url;

        Story(ReleaseEngine engine, Output output, String repository, Path example, DemoHaproxy haproxy, String url) {
            this.engine = engine;
            this.output = output;
            this.repository = repository;
            this.example = example;
            this.haproxy = haproxy;
            this.url = url;
        }

        void tell(String dockerHost) throws Exception {
            BuildResult v1 = build("v1");
            step("deploy v1: the idle colour starts, passes its health check, then the router switches to it");
            show(deploy(v1));
            get("", url);

            BuildResult v2 = build("v2");
            step("deploy v2 beside v1: traffic switches only once the new colour is healthy");
            get("before: ", url);
            show(deploy(v2));
            get("after:  ", url);

            step("roll back to v1: its colour is still warm, so the router switches back and no container starts");
            String prefix = APP + "-" + ENV + "-";
            Map<String, String> before = Containers.named(dockerHost, prefix);
            command("immutable rollback --env " + ENV);
            show(engine.rollback(RollbackRequest.of(ENV, null, null)));
            Map<String, String> after = Containers.named(dockerHost, prefix);
            get("", url);
            containers(before, after);

            EnvironmentView live = drift(dockerHost, prefix);
            readOnly(dockerHost, prefix, live);

            step("the releases, newest first, and where each runs now");
            command("immutable releases");
            ReleasesText.printReleases(engine.releases(), out);
            out.println();
            say("provenance (SLSA v1 in-toto statements):");
            say("  v1  " + v1.release().id() + "  " + v1.provenanceFile());
            say("  v2  " + v2.release().id() + "  " + v2.provenanceFile());
            command("immutable verify --ref " + v2.release().ref() + " --provenance " + v2.provenanceFile());
            VerifyCommand.print(engine.verify(v2.release().ref(), v2.provenanceFile()), out);
        }

        /** Someone writes into the live container; drift finds it; the repair replaces the container, never patches it. */
        private EnvironmentView drift(String dockerHost, String prefix) throws Exception {
            step("drift: a file written into the live container behind the engine's back is found, and the colour replaced");
            String container = prefix + engine.status(ENV).active().colour().label();
            command("docker exec " + container + " /bin/busybox sh -c 'echo planted > /www/planted.html'");
            Processes.Result wrote = Containers.exec(dockerHost, container, "/bin/busybox", "sh", "-c",
                    "echo planted > /www/planted.html");
            say("  exit " + wrote.exitCode() + (wrote.output().isBlank() ? "" : ": " + wrote.output().strip()));
            get("", url + "planted.html");
            command("immutable drift --env " + ENV);
            var found = engine.drift(ENV, false, null);
            DriftText.print(found, false, out, output::alreadyShown);
            say("  (exit " + (found.drifted() ? ExitCode.DRIFT : ExitCode.DONE) + ")");
            command("immutable drift --env " + ENV + " --repair");
            var repaired = engine.drift(ENV, true, null);
            DriftText.print(repaired, true, out, output::alreadyShown);
            get("", url);
            get("", url + "planted.html");
            return engine.status(ENV);
        }

        /** With a read-only root filesystem the same write fails: drift of the files is impossible by construction. */
        private void readOnly(String dockerHost, String prefix, EnvironmentView live) throws Exception {
            step("read-only: the live release again with --read-only --writable-path /tmp; now the same write fails");
            command("immutable deploy --env " + ENV + " --ref " + live.active().ref() + " --read-only --writable-path /tmp");
            show(engine.deploy(DeployRequest.builder().environment(ENV).ref(live.active().ref().toString()).readOnly(true)
                    .writablePaths(java.util.List.of("/tmp")).build()));
            String container = prefix + engine.status(ENV).active().colour().label();
            command("docker exec " + container + " /bin/busybox sh -c 'echo planted > /www/planted.html'");
            Processes.Result refused = Containers.exec(dockerHost, container, "/bin/busybox", "sh", "-c",
                    "echo planted > /www/planted.html");
            say("  exit " + refused.exitCode() + (refused.output().isBlank() ? "" : ": " + refused.output().strip()));
            command("docker exec " + container + " /bin/busybox sh -c 'echo scratch > /tmp/scratch'   # a writable path");
            Processes.Result scratch = Containers.exec(dockerHost, container, "/bin/busybox", "sh", "-c", "echo scratch > /tmp/scratch");
            say("  exit " + scratch.exitCode());
            command("immutable drift --env " + ENV);
            var clean = engine.drift(ENV, false, null);
            DriftText.print(clean, false, out, output::alreadyShown);
            get("", url);
        }

        private BuildResult build(String version) throws Exception {
            step("build " + version + ": FROM scratch with the static busybox, --build-arg VERSION=" + version);
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
            return result;
        }

        private EnvironmentView deploy(BuildResult release) throws Exception {
            command("immutable deploy --env " + ENV + " --ref " + release.release().ref() + " --app " + APP
                    + " --health-path /health --health-timeout 30s --keep-previous 1h --haproxy-socket " + haproxy.socket()
                    + " --haproxy-backend " + haproxy.backend() + " --read-only false");
            return engine.deploy(DeployRequest.builder()
                    .environment(ENV)
                    .ref(release.release().ref().toString())
                    .app(APP)
                    .port(8080)
                    .healthPath("/health")
                    .healthTimeout("30s")
                    .keepPrevious("1h")
                    .haproxySocket(haproxy.socket().toString())
                    .haproxyBackend(haproxy.backend())
                    .readOnly(false)
                    .writablePaths(java.util.List.of())
                    .build());
        }

        private void show(EnvironmentView view) {
            EnvironmentText.print(view, out, output::alreadyShown);
        }
    }

    /** The daemon's own word that the rollback started nothing: the same containers, by id, before and after. */
    private void containers(Map<String, String> before, Map<String, String> after) {
        Table table = new Table("", "", "", "");
        before.forEach((name, id) -> table.row("  " + name, id.substring(0, 12), "->",
                after.containsKey(name) ? after.get(name).substring(0, 12) : "(gone)"));
        after.keySet().stream().filter(name -> !before.containsKey(name))
                .forEach(name -> table.row("  " + name, "(none)", "->", after.get(name).substring(0, 12)));
        say("the daemon's " + APP + "-" + ENV + "-* containers, before -> after the rollback:");
        table.printWithoutHeader(out);
        if (before.equals(after)) {
            say("=> no container was started for the rollback: the same " + after.size() + " containers, the same ids");
        } else {
            say("=> the containers changed: the rollback redeployed instead of switching (see the engine's notes above)");
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

    private void get(String label, String url) throws InterruptedException {
        say("  " + label + "GET " + url + " -> " + HttpGet.get(url));
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
