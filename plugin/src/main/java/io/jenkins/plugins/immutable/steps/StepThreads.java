package io.jenkins.plugins.immutable.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for step work that may wait long (a health check, a Docker pull), so the Pipeline's own thread is never
 * blocked. Daemon threads: a stopping controller does not wait for them; the executions resume after the restart.
 */
final class StepThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "immutable-release step " + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private StepThreads() {
    }

    static Future<?> submit(Runnable task) {
        return POOL.submit(task);
    }
}
