package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

    private final String cfg = new HaproxyConfig(Path.of("/tmp/imr/admin.sock"), 18080, "shop").render();

    @Test
    void theSocketHasAdminLevelAndNoFdExposure() {
        assertThat(cfg).contains("    stats socket /tmp/imr/admin.sock mode 600 level admin\n")
                .doesNotContain("expose-fd");
    }

    @Test
    void everyRequestIsBalancedInHttpMode() {
        assertThat(cfg).contains("    mode http\n", "    option http-keep-alive\n", "    timeout connect 2s\n",
                "    timeout client 30s\n", "    timeout server 30s\n").doesNotContain("prefer-last-server", "mode tcp");
    }

    @Test
    void theFrontendListensOnLoopbackOnly() {
        assertThat(cfg).contains("    bind 127.0.0.1:18080\n", "    default_backend shop\n");
    }

    @Test
    void bothColoursStartDisabledWithoutHealthChecks() {
        assertThat(cfg).contains("backend shop\n    server blue 127.0.0.1:1 disabled\n    server green 127.0.0.1:1 disabled\n")
                .doesNotContain(" check");
    }

    @Test
    void aSocketPathLongerThanHaproxyTakesIsRefused() {
        Path tooLong = Path.of("/tmp/" + "d".repeat(90) + "/admin.sock");

        assertThatThrownBy(() -> new HaproxyConfig(tooLong, 18080, "shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 97 bytes");
    }

    @Test
    void aSocketPathThatWouldNeedQuotingIsRefused() {
        assertThatThrownBy(() -> new HaproxyConfig(Path.of("/tmp/my dir/admin.sock"), 18080, "shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quoted");
    }

    @Test
    void badPortsAndNamesAreRefused() {
        Path socket = Path.of("/tmp/admin.sock");
        assertThatThrownBy(() -> new HaproxyConfig(socket, 0, "shop")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> new HaproxyConfig(socket, 65536, "shop")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> new HaproxyConfig(socket, 18080, "my shop")).hasMessageContaining("not a backend name");
    }
}
