package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code immutable router-config} from the deploy flags: the backend section for either platform, ready to paste. */
class RouterConfigCommandTest {

    @Test
    void oneDockerHostHasABlueAndAGreenServer() {
        CliRun.Result result = new CliRun().run("router-config", "--haproxy-socket", "/run/haproxy/admin.sock");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("backend app\n    mode http\n    server blue 127.0.0.1:1 disabled\n"
                + "    server green 127.0.0.1:1 disabled\n")
                .contains("#   global:    stats socket /run/haproxy/admin.sock mode 600 level admin")
                .contains("#   frontend:  default_backend app")
                .doesNotContain("blue1").doesNotContain("redispatch");
    }

    @Test
    void aSwarmHasAServerPerReplicaPerColour() {
        CliRun.Result result = new CliRun().run("router-config", "--platform", "swarm", "--replicas", "3", "--haproxy-backend",
                "shop", "--haproxy-socket", "tcp://10.0.0.5:9999");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("backend shop\n    mode http\n    option redispatch\n    retries 2\n"
                + "    server blue1 127.0.0.1:1 disabled\n    server blue2 127.0.0.1:1 disabled\n    server blue3 127.0.0.1:1 disabled\n"
                + "    server green1 127.0.0.1:1 disabled\n    server green2 127.0.0.1:1 disabled\n    server green3 127.0.0.1:1 disabled\n")
                .contains("#   global:    stats socket ipv4@10.0.0.5:9999 level admin")
                .contains("#   frontend:  default_backend shop")
                .contains("3 replica(s) per colour");
    }

    @Test
    void withoutASocketAnExamplePathIsShown() {
        CliRun.Result result = new CliRun().run("router-config", "--platform", "swarm");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("stats socket /run/haproxy/admin.sock mode 600 level admin")
                .contains("server blue1 127.0.0.1:1 disabled").doesNotContain("blue2");
    }
}
