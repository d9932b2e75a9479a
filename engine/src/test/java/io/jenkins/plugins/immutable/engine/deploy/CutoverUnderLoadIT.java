package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded request loop through HAProxy while traffic moves: promotion and rollback drop no request. This checks
 * correctness; the speed figures belong to the benchmarks.
 */
class CutoverUnderLoadIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void promoteAndRollbackDropNoRequest() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        env.engine().engine().deploy(env.deployRequest(v2).manualPromotion(true).build());

        // The load runs through each cutover: answers from the old colour before it, from the new one after it.
        FrontendLoad promote = FrontendLoad.start(env.frontend(), 3);
        promote.awaitMore("v1", 20);
        env.engine().engine().promote("staging");
        int v1AfterPromote = promote.count("v1");
        promote.awaitMore("v2", 20);
        promote.stop();

        FrontendLoad rollback = FrontendLoad.start(env.frontend(), 3);
        rollback.awaitMore("v2", 20);
        env.engine().engine().rollback(RollbackRequest.of("staging", null, null));
        int v2AfterRollback = rollback.count("v2");
        rollback.awaitMore("v1", 20);
        rollback.stop();

        for (FrontendLoad load : new FrontendLoad[] {promote, rollback}) {
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            assertThat(load.answers.keySet()).containsExactlyInAnyOrder("v1", "v2");
        }
        // Once the call returned, the old colour got no new request: only those a client had already sent could still
        // come back from it (at most one per client).
        assertThat(promote.count("v1") - v1AfterPromote).as("v1 answers after the promotion returned").isLessThanOrEqualTo(3);
        assertThat(rollback.count("v2") - v2AfterRollback).as("v2 answers after the rollback returned").isLessThanOrEqualTo(3);
    }
}
