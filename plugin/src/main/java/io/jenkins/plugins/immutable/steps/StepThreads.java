package io.jenkins.plugins.immutable.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for step work that may wait long (a health check, a Docker pull), so the Pipeline's own thread is never
 * blocked. Each thread is named, a daemon (a stopping controller does not wait for it; the executions resume after
 * the restart), and carries the plugin's class loader: a thread created from the CPS VM thread would otherwise
 * inherit the Pipeline script's loader and keep a finished build's classes in memory.
 */
final class StepThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ClassLoader PLUGIN_LOADER = StepThreads.class.getClassLoader();
    private static final ThreadFactory FACTORY = task -> {
        Thread thread = new Thread(task, "immutable-release step " + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(PLUGIN_LOADER);
        return thread;
    };
    private static final ExecutorService POOL = Executors.newCachedThreadPool(FACTORY);

    private StepThreads() {
    }

    static Future<?> submit(Runnable task) {
        return POOL.submit(() -> {
            // A pooled thread is reused: put the plugin's loader back in case earlier work changed it.
            Thread.currentThread().setContextClassLoader(PLUGIN_LOADER);
            task.run();
        });
    }
}
