package io.jenkins.plugins.immutable.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Releases page and side-panel link read builds only when something changed. */
class StampedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StampedCache<String> cache = new StampedCache<>(60_000, now::get);
    private final AtomicInteger computed = new AtomicInteger();

    private String view(String job, Object stamp) {
        return cache.get(job, stamp, () -> job + "#" + computed.incrementAndGet());
    }

    @Test
    void repeatedViewsWithTheSameStampComputeOnce() {
        assertThat(view("app", List.of(42, 7L))).isEqualTo("app#1");
        assertThat(view("app", List.of(42, 7L))).isEqualTo("app#1");
        assertThat(view("app", List.of(42, 7L))).isEqualTo("app#1");
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void aNewBuildOrRecordOrAnotherJobComputesAgain() {
        view("app", List.of(42, 7L));
        assertThat(view("app", List.of(43, 7L))).isEqualTo("app#2");
        assertThat(view("app", List.of(43, 8L))).isEqualTo("app#3");
        assertThat(view("other", List.of(43, 8L))).isEqualTo("other#4");
    }

    @Test
    void anOldEntryIsComputedAgain() {
        view("app", List.of(42, 7L));
        now.addAndGet(60_000);
        assertThat(view("app", List.of(42, 7L))).isEqualTo("app#2");
    }
}
