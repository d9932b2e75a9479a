package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable deploy}: a release by digest into the idle colour, health-checked, then traffic switches. */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deploy an image by digest blue/green: start it in the idle colour beside the live one, wait for "
                + "its health check, then switch HAProxy to it atomically. The old colour stays warm for an instant "
                + "rollback. If the health check fails, the new colour is removed and traffic does not move (exit 4).",
                "Settings given here are stored with the environment; later commands need only --env.", ""},
        footer = {"", "Example (first deploy of an environment):",
                "  immutable deploy --env staging --ref 127.0.0.1:5000/team/hello@sha256:<64 hex> \\",
                "      --haproxy-socket /run/haproxy/admin.sock --health-path /health --health-timeout 30s",
                "HAProxy on another machine: --haproxy-socket tcp://10.0.0.5:9999 (stats socket ipv4@10.0.0.5:9999 level admin);",
                "a Docker host over TLS: --docker-host tcp://10.0.0.6:2376 --docker-tls-verify --docker-cert-path ~/.docker/prod",
                "Later deploys: immutable deploy --env staging --ref 127.0.0.1:5000/team/hello@sha256:<64 hex>",
                "A canary: immutable deploy --env prod --ref … --strategy canary --canary-steps 5,25,pause,100 \\",
                "      --canary-interval 30s --max-error-rate 1% --max-p99 800ms --min-requests 50",
                "  ('immutable promote --env prod' passes a pause or goes to 100%; 'immutable abort --env prod' returns all",
                "  traffic to the stable colour at once; a breach, or 3 intervals in a row with too few requests, aborts: exit 4)",
                "A Docker Swarm: immutable deploy --env prod --ref … --platform swarm --replicas 3 \\",
                "      --docker-host unix:///run/swarm-manager.sock --haproxy-socket /run/haproxy/admin.sock",
                "  (HAProxy's backend: paste what 'immutable router-config --platform swarm --replicas 3' prints)"})
final class DeployCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Option(names = "--ref", required = true, paramLabel = "REPO@sha256:HEX",
            description = "The image by digest, REPOSITORY@sha256:<64 hex>, as build prints it; never a tag.")
    String ref;

    @Option(names = "--app", paramLabel = "NAME", description = "The application's name (default: the repository's last part).")
    String app;

    @Option(names = "--port", paramLabel = "N", description = "The port the application listens on in its container (default: 8080).")
    String port;

    @Option(names = "--health-path", paramLabel = "PATH", description = "The path probed on the new colour; 2xx passes (default: /).")
    String healthPath;

    @Option(names = "--health-timeout", paramLabel = "DURATION",
            description = "How long the new colour may take to pass, such as 30s or 2m (default: 60s).")
    String healthTimeout;

    @Option(names = "--haproxy-socket", paramLabel = "PATH|tcp://HOST:PORT",
            description = "HAProxy's runtime API: the absolute path of its admin socket (stats socket PATH level admin), or"
                    + " tcp://HOST:PORT for one on another machine (stats socket ipv4@HOST:PORT level admin); required on an"
                    + " environment's first deploy.")
    String haproxySocket;

    @Option(names = "--haproxy-backend", paramLabel = "NAME",
            description = "The HAProxy backend holding the blue and green servers (default: app).")
    String haproxyBackend;

    @Option(names = "--manual-promotion", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Wait for 'immutable promote' after the health check instead of switching at once. With a canary"
                    + " the canary still runs, and its last share waits for 'promote' (as at a pause) before all traffic moves.")
    Boolean manualPromotion;

    @Option(names = "--keep-previous", paramLabel = "DURATION",
            description = "How long the previous colour stays warm for an instant rollback, such as 30m or 24h (default: 24h).")
    String keepPrevious;

    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Run the containers with a read-only root filesystem and a tmpfs at each --writable-path, so their"
                    + " files cannot drift (stored with the environment; default: false).")
    Boolean readOnly;

    @Option(names = "--writable-path", paramLabel = "PATH",
            description = "An absolute path in the container the application may write to: a tmpfs with --read-only, and never"
                    + " reported as drift. Repeatable; stored with the environment (given once, it replaces the stored list).")
    List<String> writablePaths;

    @Option(names = "--require-signature", negatable = true, paramLabel = "",
            description = "Require provenance signed by --public-key for this and every later deploy and rollback of the"
                    + " environment (stored with it); --no-require-signature removes the requirement.")
    Boolean requireSignature;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "The EC P-256 public key (a PEM file, such as keygen's signing.pub) signatures are checked with; stored"
                    + " with the environment.")
    String publicKey;

    @Option(names = "--strategy", paramLabel = "blue-green|canary",
            description = "How traffic moves to the new colour: blue-green (one atomic switch) or canary (shares by HAProxy"
                    + " weights, step by step, each judged from HAProxy's counters). Stored with the environment"
                    + " (default: blue-green); blue-green forgets the stored canary settings, so a later canary starts from"
                    + " the defaults of the flags it does not give.")
    String strategy;

    @Option(names = "--canary-steps", paramLabel = "5,25,pause,100",
            description = "The canary's shares in percent, increasing; 'pause' waits for 'immutable promote'. 100 is the normal"
                    + " switch (default: 5,25,50,100). Each canary flag is stored with the environment and, given alone,"
                    + " changes only its own setting; without --strategy it needs an environment that stores a canary.")
    String canarySteps;

    @Option(names = "--canary-interval", paramLabel = "DURATION",
            description = "How long each analysis interval lasts, such as 30s (default: 30s; stored).")
    String canaryInterval;

    @Option(names = "--max-error-rate", paramLabel = "PERCENT",
            description = "The highest share of 5xx answers, response and connection errors a step may have, such as 1%"
                    + " (default: 1%; stored).")
    String maxErrorRate;

    @Option(names = "--max-p99", paramLabel = "DURATION",
            description = "The highest response time a step may have, such as 800ms. HAProxy 2.6 has no percentile: compared"
                    + " with the highest rtime (its average over the last 1024 requests) seen in the step (default: none;"
                    + " stored; 'none' removes a stored limit).")
    String maxP99;

    @Option(names = "--min-requests", paramLabel = "N",
            description = "Fewer requests than this in a step is inconclusive, never a pass; 3 inconclusive intervals in a"
                    + " row abort (default: 50; stored).")
    String minRequests;

    @Option(names = "--platform", paramLabel = "docker|swarm",
            description = "Where the colours run: docker (one Docker host, a container per colour) or swarm (a Docker Swarm"
                    + " whose manager --docker-host names, a service per colour, each replica published in host mode and"
                    + " reached by HAProxy at its node's address). Stored with the environment (default: docker).")
    String platform;

    @Option(names = "--replicas", paramLabel = "N",
            description = "Replicas per colour on --platform swarm, spread over the nodes; HAProxy's backend needs a server"
                    + " per replica per colour ('immutable router-config' prints it). Stored with the environment"
                    + " (default: 1).")
    String replicas;

    @Override
    protected int run(Session session) throws Exception {
        DeployRequest request = request(session.dockerHostFlag(), session.dockerTlsVerifyFlag(), session.dockerCertPathFlag());
        session.output().progress("deploying " + request.ref() + " to " + request.environment());
        EnvironmentView view = session.engine().deploy(request);
        Results.environment(session.output(), view, Headlines.deploy(view));
        return ExitCode.DONE;
    }

    DeployRequest request(String dockerHost, Boolean dockerTlsVerify, String dockerCertPath) throws Exception {
        List<Problem> extra = new ArrayList<>();
        if (haproxySocket != null && !haproxySocket.isBlank() && !haproxySocket.strip().contains("://")
                && !Path.of(haproxySocket.strip()).isAbsolute()) {
            // stored with the environment and used from wherever later commands run: a relative path would move
            extra.add(new Problem("haproxySocket", "'" + haproxySocket + "' is relative: expected the absolute path of "
                    + "HAProxy's admin socket (it is stored with the environment)"));
        }
        return Requests.build(() -> DeployRequest.builder()
                .environment(environment)
                .ref(ref)
                .app(app)
                .port(port)
                .healthPath(healthPath)
                .healthTimeout(healthTimeout)
                .haproxySocket(haproxySocket)
                .haproxyBackend(haproxyBackend)
                .manualPromotion(manualPromotion)
                .keepPrevious(keepPrevious)
                .readOnly(readOnly)
                .writablePaths(writablePaths)
                .requireSignature(requireSignature)
                .publicKey(publicKey)
                .dockerHost(dockerHost)
                .dockerTls(dockerTlsVerify, dockerCertPath)
                .strategy(strategy)
                .canary(canarySteps, canaryInterval, maxErrorRate, maxP99, minRequests)
                .platform(platform)
                .replicas(replicas)
                .build(), extra);
    }
}
