package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue/green on a real Swarm: each colour a service of 3 replicas in host mode, HAProxy with a server slot per replica
 * per colour. v1 → v2 → rollback under constant load through HAProxy drops no request.
 */
class SwarmDeployIT {

    @TempDir
    Path dir;

    private SwarmFixture env;

    @BeforeEach
    void open() throws Exception {
        env = new SwarmFixture(dir, 3);
    }

    @AfterEach
    void close() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void threeReplicasDeployedSwitchedAndRolledBackUnderLoadWithoutAFailedRequest() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");

        EnvironmentView first = env.deploy(v1);
        assertThat(first.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(env.services()).containsExactly(env.service("blue"));
        RouterState router = env.router().state();
        assertThat(router.routes(Colour.BLUE)).as(router.describe()).hasSize(3);
        // Spread over the nodes: a replica on each, reached at its node's address.
        assertThat(router.routes(Colour.BLUE)).extracting(io.jenkins.plugins.immutable.engine.api.Endpoint::address)
                .containsExactlyInAnyOrderElementsOf(env.swarm().nodeAddresses());
        assertThat(router.members(Colour.GREEN)).allMatch(s -> s.admin() == AdminState.MAINT);
        try (DockerClient docker = env.swarm().managerClient()) {
            Service blue = docker.inspectServiceCmd(env.service("blue")).exec();
            assertThat(blue.getSpec().getLabels()).containsEntry(TargetLabels.ENVIRONMENT, SwarmFixture.ENVIRONMENT)
                    .containsEntry(TargetLabels.COLOUR, "blue").containsKey(TargetLabels.SETTINGS);
            // The tasks' containers carry the same labels, so a node's daemon shows what each container is.
            assertThat(blue.getSpec().getTaskTemplate().getContainerSpec().getLabels())
                    .containsEntry(TargetLabels.RELEASE, first.active().releaseId());
            assertThat(blue.getSpec().getTaskTemplate().getContainerSpec().getImage()).isEqualTo(v1.toString());
        }

        FrontendLoad deploy = FrontendLoad.start(env.frontend(), 3);
        deploy.awaitMore("v1", 20);
        EnvironmentView second = env.deploy(v2);
        deploy.awaitMore("v2", 30);
        deploy.stop();
        assertThat(second.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(second.previous().colour()).isEqualTo(Colour.BLUE);
        assertThat(env.services()).containsExactly(env.service("blue"), env.service("green"));
        router = env.router().state();
        assertThat(router.routes(Colour.GREEN)).as(router.describe()).hasSize(3);
        assertThat(router.routes(Colour.BLUE)).as(router.describe()).isEmpty();

        FrontendLoad rollback = FrontendLoad.start(env.frontend(), 3);
        rollback.awaitMore("v2", 20);
        EnvironmentView back = env.engine().engine().rollback(RollbackRequest.of(SwarmFixture.ENVIRONMENT, null, null));
        int v2AfterRollback = rollback.count("v2");
        rollback.awaitMore("v1", 30);
        rollback.stop();
        assertThat(back.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(back.notes()).anyMatch(n -> n.contains("still warm, so this is a router switch"));

        for (FrontendLoad load : new FrontendLoad[] {deploy, rollback}) {
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            assertThat(load.answers.keySet()).containsExactlyInAnyOrder("v1", "v2");
        }
        assertThat(rollback.count("v2") - v2AfterRollback).as("v2 answers after the rollback returned").isLessThanOrEqualTo(3);
        System.out.printf("swarm under load: deploy %d requests, rollback %d requests, 0 failed%n", deploy.total(), rollback.total());
    }

    @Test
    void withManualPromotionTheNewServiceWaitsUnservedThenPromoteSwitchesAndAbortRemovesAWaitingOne() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        ImageRef v3 = env.release("v3");
        env.deploy(v1);

        EnvironmentView waiting = env.engine().engine().deploy(env.deployRequest(v2).manualPromotion(true).build());

        assertThat(waiting.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(waiting.preview()).as("a healthy colour waiting for promotion").isNotNull();
        assertThat(waiting.preview().colour()).isEqualTo(Colour.GREEN);
        assertThat(env.services()).containsExactly(env.service("blue"), env.service("green"));
        RouterState router = env.router().state();
        assertThat(router.routes(Colour.GREEN)).as(router.describe()).isEmpty();
        assertThat(router.routes(Colour.BLUE)).as(router.describe()).hasSize(3);
        assertThat(env.pages(9)).containsOnly("v1");

        EnvironmentView promoted = env.engine().engine().promote(SwarmFixture.ENVIRONMENT);

        assertThat(promoted.active().colour()).isEqualTo(Colour.GREEN);
        router = env.router().state();
        assertThat(router.routes(Colour.GREEN)).as(router.describe()).hasSize(3);
        assertThat(router.routes(Colour.BLUE)).as(router.describe()).isEmpty();
        assertThat(env.pages(9)).containsOnly("v2");

        // The next release waits in the idle colour (blue, v1's warm service is replaced by v3's); abort removes it.
        EnvironmentView next = env.engine().engine().deploy(env.deployRequest(v3).build());
        assertThat(next.preview()).as("manual promotion is stored with the environment").isNotNull();
        EnvironmentView aborted = env.engine().engine().abort(SwarmFixture.ENVIRONMENT);

        assertThat(aborted.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(aborted.preview()).isNull();
        assertThat(env.services()).containsExactly(env.service("green"));
        router = env.router().state();
        assertThat(router.routes(Colour.GREEN)).as(router.describe()).hasSize(3);
        assertThat(env.pages(9)).containsOnly("v2");
    }


}
