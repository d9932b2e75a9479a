package io.jenkins.plugins.immutable.engine.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three-node Docker Swarm that {@code scripts/cluster start} runs on this machine: node 1 is the only manager,
 * nodes 2 and 3 are workers, each a dockerd in its own network namespace with its own address; a registry on the
 * cluster's bridge that every node trusts. Read from the environment {@code scripts/test} exports, or from the
 * {@code .run/cluster.env} file {@code scripts/cluster start} writes. A missing cluster is a failure, never a skip.
 *
 * <p>Build and push cluster images through {@link #managerClient()} to {@link #registry()}; nodes pull by digest from
 * there. Publish ports in host mode (this kernel has no IPVS, so no ingress mesh and no VIPs) and reach a replica at its
 * node's address.
 */
public final class SwarmCluster {

    /** Node 1, the only manager. */
    public static final int MANAGER = 1;

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REVIVE_TIMEOUT = Duration.ofSeconds(150);

    private static SwarmCluster instance;

    private final Map<String, String> values;

    private SwarmCluster(Map<String, String> values) {
        this.values = values;
    }

    public static synchronized SwarmCluster get() {
        if (instance == null) {
            instance = new SwarmCluster(load());
        }
        return instance;
    }

    /** {@code unix:///…/docker.sock} of the manager's daemon: the cluster's Docker host. */
    public String dockerHost() {
        return require("IMMUTABLE_CLUSTER_DOCKER_HOST");
    }

    /** A new docker-java client of the manager, set up as the engine's (httpclient5 transport); the caller closes it. */
    public DockerClient managerClient() {
        return DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost()).build(),
                managerHttp());
    }

    /**
     * The manager's raw Engine API, for what docker-java's model lacks (3.7.1's {@code TaskStatus} has no
     * {@code PortStatus}, where a task's host-mode published port is); the caller closes it.
     */
    public DockerHttpClient managerHttp() {
        return new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost()))
                .connectionTimeout(Duration.ofSeconds(5)).build();
    }

    /** The nodes' addresses, node 1 (the manager) first: where host-mode published ports answer. */
    public List<String> nodeAddresses() {
        return words("IMMUTABLE_CLUSTER_NODES");
    }

    /** The address of node {@code n} (1, 2 or 3). */
    public String nodeAddress(int n) {
        return nodeAddresses().get(index(n));
    }

    /** {@code unix:///…/docker.sock} of node {@code n}'s own daemon, to look at what runs on that node only. */
    public String nodeDockerHost(int n) {
        return words("IMMUTABLE_CLUSTER_NODE_HOSTS").get(index(n));
    }

    /** {@code BRIDGE_IP:PORT} of the registry every node pulls from; push to it through the manager. */
    public String registry() {
        return require("IMMUTABLE_CLUSTER_REGISTRY");
    }

    /**
     * Kills node {@code n}'s dockerd, containerd and containers with SIGKILL, as a lost machine: the manager marks it
     * Down after a few missed heartbeats (4 to 7 s here) and reschedules its tasks. Its address still answers, with
     * refused connections. Killing node 1 takes the manager, so the cluster's API, away until it is revived.
     */
    public void killNode(int n) {
        script(KILL_TIMEOUT, "kill-node", n);
    }

    /** Starts node {@code n}'s dockerd again and returns once the manager sees it Ready. */
    public void reviveNode(int n) {
        script(REVIVE_TIMEOUT, "revive-node", n);
    }

    private void script(Duration timeout, String command, int n) {
        index(n);
        Path script = Path.of(require("IMMUTABLE_CLUSTER_SCRIPT"));
        try {
            Process process = new ProcessBuilder(script.toString(), command, Integer.toString(n)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + command + " " + n + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " " + n + " exited with " + process.exitValue() + ":\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script + " " + command + " " + n + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script + " " + command + " " + n, e);
        }
    }

    private int index(int n) {
        List<String> nodes = nodeAddresses();
        if (n < 1 || n > nodes.size()) {
            throw new IllegalArgumentException("node " + n + " does not exist: the cluster has nodes 1 to " + nodes.size());
        }
        return n - 1;
    }

    private List<String> words(String name) {
        return Arrays.asList(require(name).strip().split("\\s+"));
    }

    private String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the Swarm tests need the three-node cluster. "
                    + "Start it with 'scripts/cluster start' (or run the tests with 'scripts/test').");
        }
        return value;
    }

    private static Map<String, String> load() {
        Map<String, String> found = new HashMap<>();
        Path envFile = TestServices.projectRoot().resolve(".run/cluster.env");
        if (Files.isRegularFile(envFile)) {
            found.putAll(parseExports(envFile));
        }
        for (String name : new String[] {"IMMUTABLE_CLUSTER_DOCKER_HOST", "IMMUTABLE_CLUSTER_NODES", "IMMUTABLE_CLUSTER_REGISTRY",
                "IMMUTABLE_CLUSTER_NODE_HOSTS", "IMMUTABLE_CLUSTER_SCRIPT"}) {
            String fromEnv = System.getenv(name);
            if (fromEnv != null && !fromEnv.isBlank()) {
                found.put(name, fromEnv);
            }
        }
        return found;
    }

    private static Map<String, String> parseExports(Path file) {
        Map<String, String> parsed = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                    String assignment = trimmed.substring("export ".length());
                    int eq = assignment.indexOf('=');
                    parsed.put(assignment.substring(0, eq), unquote(assignment.substring(eq + 1)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parsed;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
