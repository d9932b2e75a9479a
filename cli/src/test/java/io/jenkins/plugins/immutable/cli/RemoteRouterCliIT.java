package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --haproxy-socket tcp://HOST:PORT} that nothing answers: exit 3 naming the address, nothing started. */
class RemoteRouterCliIT {

    @TempDir
    Path dir;

    @Test
    void aTcpRouterThatDoesNotAnswerExits3NamingIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String env = RealCli.uniqueEnv("tcp");
        CliRun.Result result = new RealCli(dir.resolve("state")).run("deploy", "--env", env, "--ref", RealCli.SERVICES.registry()
                + "/tcp/hello@sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a",
                "--haproxy-socket", "tcp://127.0.0.1:" + port);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).as(result.toString()).contains("HAProxy router at tcp://127.0.0.1:" + port + " is unreachable:"
                + " connection refused (nothing listens on 127.0.0.1:" + port + ")")
                .contains("'stats socket ipv4@127.0.0.1:" + port + " level admin'").doesNotContain("\tat ");
        RealCli.removeContainers(env);
    }
}
