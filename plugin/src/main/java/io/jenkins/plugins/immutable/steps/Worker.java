package io.jenkins.plugins.immutable.steps;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One run of a long step's work on a {@link StepThreads} thread, completed exactly once: by the work's result or
 * failure, or by {@link #stop}, whichever comes first (the interrupted work then fails, and that failure is dropped).
 * Plain Java, so the rules are tested without Jenkins; the execution supplies the callback and the authentication.
 */
final class Worker {

    /** Where the one completion goes: the step context's {@code onSuccess}/{@code onFailure}. */
    interface Callback {
        void success(Object result);

        void failure(Throwable cause);
    }

    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile Future<?> task;

    /**
     * @param asUser opens the build's authentication on the worker thread ({@code ACL.as2(auth)}), closed after the work
     */
    void start(Callable<Object> work, Callback callback, Supplier<? extends AutoCloseable> asUser) {
        task = StepThreads.submit(() -> {
            Object result;
            try (AutoCloseable ignored = asUser.get()) {
                result = work.call();
            } catch (Throwable failure) {
                if (completed.compareAndSet(false, true)) {
                    callback.failure(failure);
                }
                return;
            }
            if (completed.compareAndSet(false, true)) {
                callback.success(result);
            }
        });
    }

    /** Completes with {@code cause} and interrupts the work, unless the work completed first; {@code true} if it did. */
    boolean stop(Throwable cause, Callback callback) {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        Future<?> running = task;
        if (running != null) {
            running.cancel(true); // interrupts the agent call; the engine leaves traffic on a healthy colour
        }
        callback.failure(cause);
        return true;
    }

    /** Whether the work has started and not completed: a safe restart must wait for it. */
    boolean isRunning() {
        Future<?> running = task;
        return running != null && !completed.get() && !running.isDone();
    }
}
