package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A colour's share spread over its server slots: the weights add up to the share exactly. */
class ShareSpreadTest {

    private static final List<String> THREE = List.of("green1", "green2", "green3");

    @Test
    void aShareIsSpreadInNearEqualPartsThatAddUpToIt() {
        Map<String, Integer> ten = ShareSpread.weights(10, THREE, THREE);
        assertThat(ten).containsExactly(Map.entry("green1", 4), Map.entry("green2", 3), Map.entry("green3", 3));
        for (int share = 0; share <= 100; share++) {
            for (int serving = 1; serving <= 3; serving++) {
                Map<String, Integer> w = ShareSpread.weights(share, THREE.subList(0, serving), THREE);
                assertThat(w.values().stream().mapToInt(Integer::intValue).sum()).as("share %d over %d", share, serving)
                        .isEqualTo(share);
                assertThat(w.values()).allMatch(v -> v <= 100);
            }
        }
    }

    @Test
    void aSlotThatServesNothingWeighsZero() {
        assertThat(ShareSpread.weights(90, List.of("blue1", "blue3"), List.of("blue1", "blue2", "blue3")))
                .containsExactly(Map.entry("blue1", 45), Map.entry("blue2", 0), Map.entry("blue3", 45));
        assertThat(ShareSpread.weights(100, List.of("blue"), List.of("blue"))).containsExactly(Map.entry("blue", 100));
    }
}
