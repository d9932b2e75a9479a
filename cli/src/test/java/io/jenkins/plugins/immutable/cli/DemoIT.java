package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/immutable demo} end to end, exactly as the README's first command: a first run that builds v1 and v2 (a
 * fresh state folder and repository, so nothing earlier runs left can be reused), a second run that reuses them by
 * input digest, and a third after the demo's containers were removed (as {@code scripts/services stop} does).
 */
class DemoIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    static Path demoDir;

    private static final String REPOSITORY = "demo-it-" + UUID.randomUUID().toString().substring(0, 8) + "/hello";

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("IMMUTABLE_DEMO_DIR", demoDir.toString());
        env.put("IMMUTABLE_DEMO_REPOSITORY", REPOSITORY);
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
        RealCli.removeContainers("hello-demo-");

        CliRun.Result first = Subprocess.run(root, env(), TIMEOUT, "demo");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String out = first.out();
        assertThat(out).as(first.toString())
                .contains("== 1. the local services")
                .containsPattern("== \\d+\\. build v1[^\\n]*\\n(?s).*Built release rel-[0-9a-f]{12}(?s).*== \\d+\\. deploy v1")
                .containsPattern("== \\d+\\. build v2[^\\n]*\\n(?s).*Built release rel-[0-9a-f]{12}(?s).*== \\d+\\. deploy v2")
                .doesNotContainPattern("reused rel-[0-9a-f]{12} by input digest")
                .contains("/" + REPOSITORY + "@sha256:")
                .contains("-> 503 Service Unavailable")
                .containsPattern("== \\d+\\. deploy v1[^\\n]*\\n(?s).*-> 200 hello from v1")
                .containsPattern("before: GET \\S+ -> 200 hello from v1")
                .containsPattern("\\[switch\\] demo: traffic moved from (blue|green) to (blue|green) in \\d+ ms")
                .containsPattern("after:  GET \\S+ -> 200 hello from v2")
                .contains("=> no container was started for the rollback: the same 2 containers, the same ids")
                .containsPattern("RELEASE\\s+CREATED\\s+IMAGE REF\\s+INPUT\\s+REVISION\\s+RUNS NOW")
                .containsPattern("rel-[0-9a-f]{12}  \\S+ \\S+  \\S+@sha256:[0-9a-f]{64}  sha256:[0-9a-f]{12} .* demo/(blue|green) ACTIVE")
                .contains("provenance.intoto.json")
                .contains("verified: all")
                .contains("scripts/services stop");
        String rollback = section(out, "roll back to v1");
        assertThat(rollback).as("after the rollback, v1 answers again").contains("-> 200 hello from v1");
        assertThat(rollback).as("the switch, not a redeploy").doesNotContain("[start]").doesNotContain("[health]");
        String drift = section(out, "drift:");
        assertThat(drift).as("the planted file is served, found, and gone after the repair")
                .containsPattern("planted.html -> 200 planted")
                .contains("FILES_CHANGED")
                .contains("/www/planted.html")
                .contains("(exit 5)")
                .containsPattern("GET \\S+/ -> 200 hello from v1\\n\\S* *GET \\S+planted.html -> 404");
        String readOnly = section(out, "read-only:");
        assertThat(readOnly).as("the same write fails on a read-only root; /tmp is a tmpfs")
                .contains("started with other container settings")
                .contains("Read-only file system")
                .contains("no drift")
                .contains("-> 200 hello from v1");

        CliRun.Result second = Subprocess.run(root, env(), TIMEOUT, "demo");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).as(second.toString())
                .containsPattern("== \\d+\\. build v1[^\\n]*\\n(?s).*reused rel-[0-9a-f]{12} by input digest(?s).*== \\d+\\. deploy v1")
                .containsPattern("== \\d+\\. build v2[^\\n]*\\n(?s).*reused rel-[0-9a-f]{12} by input digest(?s).*== \\d+\\. deploy v2")
                .doesNotContain("Successfully built")
                .contains("=> no container was started for the rollback");

        // as after 'scripts/services stop': the containers are gone, the ledger still says blue runs
        RealCli.removeContainers("hello-demo-");
        CliRun.Result third = Subprocess.run(root, env(), TIMEOUT, "demo");
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.out()).as(third.toString())
                .containsPattern("reused rel-[0-9a-f]{12} by input digest")
                .contains("This ledger was behind the target")
                .containsPattern("== \\d+\\. deploy v1[^\\n]*\\n(?s).*-> 200 hello from v1")
                .contains("=> no container was started for the rollback");
    }

    /** The text of the step whose title starts with {@code title}, up to the next step. */
    private static String section(String out, String title) {
        int start = out.indexOf(". " + title);
        assertThat(start).as("a step '" + title + "' in:\n" + out).isPositive();
        int end = out.indexOf("\n== ", start);
        return end < 0 ? out.substring(start) : out.substring(start, end);
    }

    /** The demo leaves its containers running on purpose; the shared test daemon is left as other tests expect it. */
    @AfterAll
    static void removeTheDemosContainers() throws Exception {
        RealCli.removeContainers("hello-demo-");
    }
}
