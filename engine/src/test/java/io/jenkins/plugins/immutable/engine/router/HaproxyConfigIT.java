package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HAProxy 2.6 itself accepts the rendered configuration, without a warning. */
class HaproxyConfigIT {

    @TempDir
    Path dir;

    @Test
    void haproxyChecksTheConfigurationAsValid() throws Exception {
        Path cfg = new HaproxyConfig(dir.resolve("admin.sock"), 18080, "shop").write(dir.resolve("haproxy.cfg"));

        Process check = new ProcessBuilder(TestServices.get().haproxyBinary().toString(), "-c", "-f", cfg.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("Configuration file is valid").doesNotContain("WARNING", "ALERT");
    }
}
