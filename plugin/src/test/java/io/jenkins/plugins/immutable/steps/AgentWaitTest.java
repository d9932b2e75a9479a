package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** After a controller restart the workspace comes back only once the agent reconnected: wait, say so, give up clearly. */
class AgentWaitTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void waitsUntilTheAgentIsBackAndSaysSoOnce() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        String found = AgentWait.await(() -> probes.incrementAndGet() < 4 ? null : "/ws", "agent-7",
                Duration.ofSeconds(10), Duration.ofMillis(10), log);

        assertThat(found).isEqualTo("/ws");
        assertThat(probes.get()).isEqualTo(4);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Waiting for agent-7 to reconnect").containsOnlyOnce("Waiting for");
        assertThat(text).contains("agent-7 is back");
    }

    @Test
    void anAgentThatIsThereAtOnceNeedsNoWaiting() throws Exception {
        assertThat(AgentWait.await(() -> "/ws", "agent-7", Duration.ofSeconds(10), Duration.ofMillis(10), log)).isEqualTo("/ws");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aProbeThatFailsCountsAsNotBackYet() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        String found = AgentWait.await(() -> {
            if (probes.incrementAndGet() < 3) {
                throw new java.io.IOException("channel closed");
            }
            return "/ws";
        }, "agent-7", Duration.ofSeconds(10), Duration.ofMillis(10), log);
        assertThat(found).isEqualTo("/ws");
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheAgent() {
        assertThatThrownBy(() -> AgentWait.await(() -> null, "agent-7", Duration.ofMillis(100), Duration.ofMillis(10), log))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("agent-7")
                .hasMessageContaining("did not reconnect within");
    }
}
