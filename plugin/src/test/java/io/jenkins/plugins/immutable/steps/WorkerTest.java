package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The background work of the long steps: its thread, its authentication, and exactly one completion. */
class WorkerTest {

    private static final class Recorder implements Worker.Callback {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void success(Object result) {
            calls.add("success:" + result);
            done.countDown();
        }

        @Override
        public void failure(Throwable cause) {
            calls.add("failure:" + cause.getMessage());
            done.countDown();
        }
    }

    @Test
    void workRunsOnANamedThreadWithThePluginsClassLoaderNotTheCallers() throws Exception {
        AtomicReference<Thread> ran = new AtomicReference<>();
        AtomicReference<ClassLoader> loader = new AtomicReference<>();
        Recorder callback = new Recorder();
        ClassLoader scriptLoader = new URLClassLoader(new URL[0], null);
        Thread caller = new Thread(() -> new Worker().start(() -> {
            ran.set(Thread.currentThread());
            loader.set(Thread.currentThread().getContextClassLoader());
            return "ok";
        }, callback, () -> () -> { }));
        caller.setContextClassLoader(scriptLoader); // as the CPS VM thread carries the pipeline script's loader
        caller.start();
        caller.join();

        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(callback.calls).containsExactly("success:ok");
        assertThat(ran.get().getName()).startsWith("immutable-release step ");
        assertThat(ran.get().isDaemon()).isTrue();
        assertThat(loader.get()).isSameAs(Worker.class.getClassLoader()).isNotSameAs(scriptLoader);
    }

    @Test
    void workRunsAsTheGivenAuthenticationAndRestoresIt() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Recorder callback = new Recorder();
        new Worker().start(() -> {
            events.add("work");
            return 1;
        }, callback, () -> {
            events.add("as build user");
            return () -> events.add("restored");
        });
        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("as build user", "work", "restored");
    }

    @Test
    void stopCompletesOnceAndTheInterruptedWorkDoesNotCompleteAgain() throws Exception {
        Recorder callback = new Recorder();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch workEnded = new CountDownLatch(1);
        Worker worker = new Worker();
        worker.start(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return "finished";
            } finally {
                workEnded.countDown();
            }
        }, callback, () -> () -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.isRunning()).as("blocks a restart while running").isTrue();

        assertThat(worker.stop(new Exception("stopped by the user"), callback)).isTrue();
        assertThat(workEnded.await(10, TimeUnit.SECONDS)).as("the work was interrupted").isTrue();
        Thread.sleep(200); // give a second completion every chance to happen
        assertThat(callback.calls).containsExactly("failure:stopped by the user");
        assertThat(worker.stop(new Exception("again"), callback)).isFalse();
        assertThat(callback.calls).hasSize(1);
    }

    @Test
    void aStopAfterTheWorkCompletedDoesNothing() throws Exception {
        Recorder callback = new Recorder();
        Worker worker = new Worker();
        worker.start(() -> "done", callback, () -> () -> { });
        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.stop(new Exception("late"), callback)).isFalse();
        assertThat(callback.calls).containsExactly("success:done");
    }
}
