package io.jenkins.plugins.immutable.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.router.RouterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable router-config}: the HAProxy backend section the engine drives, for a stored environment or given flags. */
@Command(name = "router-config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the HAProxy backend section the engine expects, ready to paste into haproxy.cfg: a server slot"
                + " per colour on one Docker host (blue, green), or one per replica per colour on a Swarm (blue1..N,"
                + " green1..N), with the stats socket line and the frontend line it needs as comments.",
                "Give --env for a stored environment, or the deploy flags before its first deploy.", ""},
        footer = {"", "Examples:",
                "  immutable router-config --env staging",
                "  immutable router-config --platform swarm --replicas 3 --haproxy-socket /run/haproxy/admin.sock"})
final class RouterConfigCommand extends EngineCommand {

    private static final String BACKEND_NAME = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}";

    @Option(names = "--env", paramLabel = "NAME", description = "A stored environment: its platform, replicas, backend and socket.")
    String environment;

    @Option(names = "--platform", paramLabel = "docker|swarm", description = "As for deploy (default: docker).")
    String platform;

    @Option(names = "--replicas", paramLabel = "N", description = "As for deploy: replicas per colour, only with --platform swarm"
            + " (default: 1).")
    String replicas;

    @Option(names = "--haproxy-backend", paramLabel = "NAME", description = "As for deploy (default: app).")
    String haproxyBackend;

    @Option(names = "--haproxy-socket", paramLabel = "PATH|tcp://HOST:PORT",
            description = "As for deploy: shown in the stats socket line (default: an example path).")
    String haproxySocket;

    @Override
    protected int run(Session session) throws Exception {
        String text;
        if (environment != null) {
            if (platform != null || replicas != null || haproxyBackend != null || haproxySocket != null) {
                throw new InvalidInputException("environment", "given with deploy flags: expected either --env NAME (a stored"
                        + " environment) or --platform/--replicas/--haproxy-backend/--haproxy-socket (before a first deploy)");
            }
            String name = Requests.environment(environment);
            text = RouterConfig.render(name, session.engine().settings(name));
        } else {
            text = fromFlags();
        }
        if (session.output().json()) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("env", environment);
            node.put("config", text);
            session.output().document(node);
        } else {
            session.output().text().print(text);
        }
        return ExitCode.DONE;
    }

    /** The deploy flags, checked as deploy checks them; every problem reported at once, each naming its flag. */
    private String fromFlags() throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        String platformName = platform == null ? EnvironmentSettings.DOCKER : platform.strip().toLowerCase(Locale.ROOT);
        if (!platformName.equals(EnvironmentSettings.DOCKER) && !platformName.equals(EnvironmentSettings.SWARM)) {
            problems.add(new Problem("platform", "'" + platform + "' is not a platform: expected docker (one Docker host) or swarm"
                    + " (a Docker Swarm cluster)"));
        }
        int count = 1;
        if (replicas != null) {
            try {
                count = Integer.parseInt(replicas.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                problems.add(new Problem("replicas", "'" + replicas + "' is not a count: expected a whole number of 1 or more"));
            } else if (!platformName.equals(EnvironmentSettings.SWARM)) {
                problems.add(new Problem("replicas", "'" + replicas + "' replicas on platform docker: one Docker host runs one"
                        + " container per colour; expected --replicas only with --platform swarm"));
            }
        }
        String backend = haproxyBackend == null ? EnvironmentSettings.DEFAULT_BACKEND : haproxyBackend.strip();
        if (!backend.matches(BACKEND_NAME)) {
            problems.add(new Problem("haproxyBackend", "'" + haproxyBackend + "' is not a valid backend name: expected 1 to 63"
                    + " letters, digits, '_', '.', ':' or '-', starting with a letter or digit"));
        }
        HaproxyAddress router = null;
        if (haproxySocket != null) {
            try {
                router = HaproxyAddress.parse(haproxySocket);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("haproxySocket", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return RouterConfig.render(null, platformName, count, backend, router);
    }
}
