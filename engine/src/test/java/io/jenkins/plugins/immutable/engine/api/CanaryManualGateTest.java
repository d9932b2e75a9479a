package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manual promotion with a canary: the canary runs, and the share it reached waits for promote before the final switch. */
class CanaryManualGateTest {

    private static List<Integer> gated(String steps) {
        return new CanarySettings(CanarySettings.parseSteps(steps), Duration.ofSeconds(1), 0.01, null, 10, 3).withFinalPause().steps();
    }

    @Test
    void aPauseGoesBeforeTheFinalSwitch() {
        assertThat(gated("5,25,50,100")).containsExactly(5, 25, 50, CanarySettings.PAUSE, 100);
        assertThat(gated("5,25")).as("the end of the steps is the switch too").containsExactly(5, 25, CanarySettings.PAUSE, 100);
    }

    @Test
    void stepsThatAlreadyEndWithAPauseAreLeftAsTheyAre() {
        assertThat(gated("10,pause,100")).containsExactly(10, CanarySettings.PAUSE, 100);
        assertThat(gated("10,pause")).containsExactly(10, CanarySettings.PAUSE, 100);
    }

    @Test
    void aPauseInTheMiddleStaysAndTheGateIsAdded() {
        assertThat(gated("5,pause,50,100")).containsExactly(5, CanarySettings.PAUSE, 50, CanarySettings.PAUSE, 100);
    }

    @Test
    void theThresholdsAreKept() {
        CanarySettings s = new CanarySettings(List.of(5, 100), Duration.ofSeconds(7), 0.02, Duration.ofMillis(300), 40, 4);
        CanarySettings g = s.withFinalPause();
        assertThat(List.of(g.interval(), g.maxP99())).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(300));
        assertThat(g.maxErrorRate()).isEqualTo(0.02);
        assertThat(List.of(g.minRequests(), g.inconclusiveLimit())).containsExactly(40, 4);
    }
}
