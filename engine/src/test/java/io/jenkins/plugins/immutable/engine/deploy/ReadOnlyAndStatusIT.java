package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only root filesystem with writable tmpfs paths, and a status that probes the live colour. */
class ReadOnlyAndStatusIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private ImageRef v1;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        v1 = env.release("v1");
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void aReadOnlyColourCannotBeWrittenExceptAtItsWritablePaths() throws Exception {
        EnvironmentView view = env.engine().engine().deploy(env.deployRequest(v1).readOnly(true)
                .writablePaths(List.of("/tmp/cache")).build());
        String live = view.active().container();
        var host = env.engine().docker().inspectContainerCmd(live).exec().getHostConfig();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsOnlyKeys("/tmp/cache");

        assertThat(env.engine().exec(live, "/bin/busybox", "sh", "-c", "echo x > /www/index.html"))
                .as("the root filesystem refuses the write").isNotZero();
        assertThat(env.engine().exec(live, "/bin/busybox", "sh", "-c", "echo x > /tmp/cache/x")).isZero();
        assertThat(env.get()).isEqualTo("v1");

        // The same release with the same settings is a no-op; with other container settings it is started again.
        EnvironmentView same = env.engine().engine().deploy(env.deployRequest(v1).build());
        assertThat(same.switchMillis()).isNull();
        assertThat(same.notes()).anyMatch(n -> n.contains("already live"));

        EnvironmentView writable = env.engine().engine().deploy(env.deployRequest(v1).readOnly(false).build());
        assertThat(writable.notes()).anyMatch(n -> n.contains("started with other container settings"));
        assertThat(writable.active().colour()).isNotEqualTo(view.active().colour());
        assertThat(env.engine().docker().inspectContainerCmd(writable.active().container()).exec().getHostConfig()
                .getReadonlyRootfs()).isNotEqualTo(Boolean.TRUE);
        assertThat(env.get()).isEqualTo("v1");
    }

    @Test
    void statusSaysPlainlyWhenTheLiveColourDoesNotAnswer() throws Exception {
        EnvironmentView view = env.deploy(v1);
        assertThat(env.engine().engine().status(BlueGreenFixture.ENVIRONMENT).notes())
                .as("a live colour that answers draws no warning").noneMatch(n -> n.contains("does not answer"));

        // The application stops answering while its container keeps running.
        env.engine().docker().pauseContainerCmd(view.active().container()).exec();
        try {
            EnvironmentView status = env.engine().engine().status(BlueGreenFixture.ENVIRONMENT);
            assertThat(status.notes()).anyMatch(n -> n.startsWith("WARNING: the live colour " + view.active().colour().label())
                    && n.contains("does not answer its health check"));
        } finally {
            env.engine().docker().unpauseContainerCmd(view.active().container()).exec();
        }
    }
}
