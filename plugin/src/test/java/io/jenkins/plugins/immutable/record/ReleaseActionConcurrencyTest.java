package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.immutable.testing.Records;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Worker threads record while Jenkins writes build.xml with XStream, which reads the fields directly (no lock of
 * ours): the lists it reads must never change under it.
 */
class ReleaseActionConcurrencyTest {

    @Test
    void serialisingWhileWorkersRecordNeverSeesAListChange() throws Exception {
        ReleaseAction action = new ReleaseAction();
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.immutable.**"});
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        int writes = 3_000;
        Thread writer = new Thread(() -> {
            try {
                go.await();
                for (int i = 0; i < writes; i++) {
                    action.recordDeployments(List.of(Records.deployment("env" + (i % 7), "deploy", "blue", 'a', i, DeploymentOutcome.ACTIVE)));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        writer.start();
        go.countDown();
        int serialised = 0;
        while (writer.isAlive() || serialised < 50) {
            try {
                ReleaseAction copy = (ReleaseAction) xstream.fromXML(xstream.toXML(action));
                assertThat(copy.getDeployments().size()).isLessThanOrEqualTo(writes);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                break;
            }
            serialised++;
        }
        writer.join();
        assertThat(failure.get()).as("XStream must not see a list change while it writes it").isNull();
        assertThat(action.getDeployments()).hasSize(writes);
    }
}
