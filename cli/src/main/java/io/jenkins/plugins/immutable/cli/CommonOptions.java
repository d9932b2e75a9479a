package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.DockerCertPath;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --state}, {@code --docker-host}, {@code --docker-tls-verify}, {@code --docker-cert-path}, {@code --output},
 * {@code --debug}: mixed into every command.
 */
public final class CommonOptions {

    static final String DOCKER_HOST_FORM = "(unix|tcp|npipe)://.+";

    @Option(names = "--state", paramLabel = "DIR|URL",
            description = "The ledger: a folder holding ledger.db (SQLite), or a shared PostgreSQL database"
                    + " postgresql://HOST:PORT/DB?user=U, its password from PGPASSWORD or ~/.pgpass, never in the URL"
                    + " (default: $IMMUTABLE_STATE, else .immutable/).")
    String state;

    @Option(names = "--docker-host", paramLabel = "URI",
            description = "The Docker daemon, unix:///path/docker.sock or tcp://host:port (default: $DOCKER_HOST).")
    String dockerHost;

    @Option(names = "--docker-tls-verify", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Talk TLS to the Docker daemon and verify its certificate (default: $DOCKER_TLS_VERIFY). Stored with"
                    + " an environment on its deploy.")
    Boolean dockerTlsVerify;

    @Option(names = "--docker-cert-path", paramLabel = "DIR",
            description = "The folder with ca.pem, cert.pem and key.pem for that TLS (default: $DOCKER_CERT_PATH). Its path, never"
                    + " its content, is stored with an environment on its deploy.")
    String dockerCertPath;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", converter = OutputFormat.Converter.class,
            description = "text (for people) or json (one JSON document on stdout; logs on stderr). Default: ${DEFAULT-VALUE}.")
    OutputFormat output = OutputFormat.TEXT;

    @Option(names = "--debug", description = "Show the stack trace of a failure.")
    boolean debug;

    /**
     * The state folder: the flag, else {@code IMMUTABLE_STATE}, else {@code .immutable/}; with a database, the default
     * folder, which then only holds the release files a build writes.
     */
    Path stateDir(CliContext context) {
        String chosen = chosenState(context);
        return Path.of(chosen == null || LedgerLocation.isDatabaseUrl(chosen) ? ".immutable" : chosen).toAbsolutePath().normalize();
    }

    /** The ledger database's URL when {@code --state} (or {@code IMMUTABLE_STATE}) names one, else {@code null}. */
    String ledgerUrl(CliContext context) {
        String chosen = chosenState(context);
        return chosen != null && LedgerLocation.isDatabaseUrl(chosen) ? chosen.strip() : null;
    }

    private String chosenState(CliContext context) {
        return state != null ? state : context.env("IMMUTABLE_STATE");
    }

    /** The Docker host: the flag, else {@code DOCKER_HOST}, else {@code null} (the engine's default socket). */
    String dockerHost(CliContext context) {
        return dockerHost != null ? dockerHost.strip() : context.env("DOCKER_HOST");
    }

    /** TLS to the daemon: the flag, else {@code DOCKER_TLS_VERIFY} (set and not 0/false means on), else {@code null}. */
    Boolean dockerTlsVerify(CliContext context) {
        if (dockerTlsVerify != null) {
            return dockerTlsVerify;
        }
        String env = context.env("DOCKER_TLS_VERIFY");
        return env == null || env.isBlank() ? null : !(env.strip().equals("0") || env.strip().equalsIgnoreCase("false"));
    }

    /** The TLS folder: the flag, else {@code DOCKER_CERT_PATH} when TLS is on, else {@code null}. */
    Path dockerCertPath(CliContext context) {
        String chosen = dockerCertPath != null ? dockerCertPath
                : Boolean.TRUE.equals(dockerTlsVerify(context)) ? context.env("DOCKER_CERT_PATH") : null;
        return chosen == null || chosen.isBlank() ? null : Path.of(chosen.strip()).toAbsolutePath().normalize();
    }

    /** Checks what the engine would only find out later, so the message names the flag now. */
    void validate(CliContext context) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        if (state != null && state.isBlank()) {
            problems.add(new Problem("state", "empty: expected a folder for the ledger, such as .immutable"));
        } else if (ledgerUrl(context) != null) {
            try {
                LedgerLocation.database(ledgerUrl(context), "state", System.getProperty("user.name"));
            } catch (InvalidInputException e) {
                String origin = state != null ? "" : " (from IMMUTABLE_STATE)";
                e.problems().forEach(p -> problems.add(new Problem("state", p.message() + origin)));
            }
        } else {
            Path dir = stateDir(context);
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                problems.add(new Problem("state", dir + " is a file: expected a folder for the ledger"));
            }
        }
        String host = dockerHost(context);
        if (dockerHost != null && dockerHost.isBlank()) {
            problems.add(new Problem("dockerHost", "empty: expected unix:///path/docker.sock or tcp://host:port"));
        } else if (host != null && !host.matches(DOCKER_HOST_FORM)) {
            String origin = dockerHost != null ? "" : " (from DOCKER_HOST)";
            problems.add(new Problem("dockerHost", "'" + host + "'" + origin
                    + " is not a Docker host: expected unix:///path/docker.sock or tcp://host:port"));
        }
        Path certs = dockerCertPath(context);
        if (dockerCertPath != null && dockerCertPath.isBlank()) {
            problems.add(new Problem("dockerCertPath", "empty: expected a folder with ca.pem, cert.pem and key.pem"));
        } else if (certs != null) {
            try {
                DockerCertPath.parse(certs.toString());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("dockerCertPath", e.getMessage() + (dockerCertPath != null ? "" : " (from DOCKER_CERT_PATH)")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
