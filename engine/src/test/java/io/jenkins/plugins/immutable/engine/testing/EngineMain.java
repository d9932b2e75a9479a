package io.jenkins.plugins.immutable.engine.testing;

import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine in a process of its own, for tests that kill it ({@code kill -9}) in the middle of an operation:
 * <pre>
 * EngineMain deploy   STATE DOCKER_HOST ENV REF APP HAPROXY_SOCKET
 * EngineMain deploy-canary STATE DOCKER_HOST ENV REF APP HAPROXY_SOCKET STEPS INTERVAL
 * EngineMain rollback STATE DOCKER_HOST ENV
 * </pre>
 * Exits 0 when the operation completed, else prints the failure and exits 1.
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        EngineConfig config = EngineConfig.builder(Path.of(args[1])).dockerHost(args[2])
                .handler(event -> System.err.println(event.message())).build();
        try (ReleaseEngine engine = ReleaseEngines.open(config)) {
            switch (args[0]) {
                case "deploy" -> engine.deploy(DeployRequest.builder().environment(args[3]).ref(args[4]).app(args[5])
                        .haproxySocket(args[6]).haproxyBackend("app").port(SampleApp.PORT).healthPath("/health").build());
                case "deploy-canary" -> engine.deploy(DeployRequest.builder().environment(args[3]).ref(args[4]).app(args[5])
                        .haproxySocket(args[6]).haproxyBackend("app").port(SampleApp.PORT).healthPath("/health")
                        .strategy("canary").canary(args[7], args[8], null, null, "20").build());
                case "rollback" -> engine.rollback(RollbackRequest.of(args[3], null, null));
                default -> throw new IllegalArgumentException("unknown operation " + args[0]);
            }
            System.exit(0);
        } catch (Exception e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts {@code EngineMain} with the test's own class path and {@code IMMUTABLE_PAUSE_AT=pauseAt}. */
    public static Process start(String pauseAt, Path log, String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                EngineMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("IMMUTABLE_PAUSE_AT", pauseAt);
        return builder.start();
    }
}
