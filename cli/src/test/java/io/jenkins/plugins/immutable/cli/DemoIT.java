package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/immutable demo} end to end, exactly as the README's first command, twice: the second run reuses v1 and
 * v2 by input digest.
 */
class DemoIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        // the services the test run already uses (scripts/test exports where they are)
        String runDir = System.getenv("IMMUTABLE_RUN_DIR");
        if (runDir != null) {
            env.put("IMMUTABLE_RUN_DIR", runDir);
        }
        return env;
    }

    @Test
    void tellsTheWholeStoryTwice() throws Exception {
        Path root = Subprocess.projectRoot();

        CliRun.Result first = Subprocess.run(root, env(), TIMEOUT, "demo");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String out = first.out();
        assertThat(out).as(first.toString())
                .contains("== 1. the local services")
                .contains("-> 503 Service Unavailable")
                .containsPattern("deploy v1[^\\n]*\\n(?s).*-> 200 hello from v1")
                .containsPattern("before: \\n  GET \\S+ -> 200 hello from v1")
                .contains("traffic moved to green in")
                .containsPattern("after: \\n  GET \\S+ -> 200 hello from v2")
                .contains("=> no container was started for the rollback: the same 2 containers, the same ids")
                .containsPattern("RELEASE\\s+CREATED\\s+IMAGE REF\\s+INPUT\\s+REVISION\\s+RUNS NOW")
                .contains("provenance.intoto.json")
                .contains("scripts/services stop");
        assertThat(out.indexOf("roll back to v1")).isLessThan(out.lastIndexOf("-> 200 hello from v1"));

        CliRun.Result second = Subprocess.run(root, env(), TIMEOUT, "demo");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).as(second.toString())
                .containsPattern("=> v1 reused by input digest sha256:[0-9a-f]{64}: nothing was built")
                .containsPattern("=> v2 reused by input digest sha256:[0-9a-f]{64}: nothing was built")
                .contains("=> no container was started for the rollback");
    }
}
