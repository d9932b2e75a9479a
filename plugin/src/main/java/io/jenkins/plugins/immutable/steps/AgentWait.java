package io.jenkins.plugins.immutable.steps;

import hudson.AbortException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for an agent to come back after a controller restart, as {@code DurableTaskStep} does: its workspace exists
 * again only once the agent reconnected ({@code FilePathUtils.find} returns {@code null} until then). Says so in the
 * build log while waiting and gives up, naming the agent, after a timeout.
 */
final class AgentWait {

    /** One look: the value once the agent is back, {@code null} (or an exception) while it is not. */
    interface Probe<T> {
        T get() throws Exception;
    }

    private AgentWait() {
    }

    static <T> T await(Probe<T> probe, String agent, Duration timeout, Duration interval, PrintStream log)
            throws AbortException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean said = false;
        while (true) {
            T found = lookOnce(probe);
            if (found != null) {
                if (said) {
                    log.println(agent + " is back; resuming.");
                }
                return found;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AbortException(agent + " did not reconnect within " + timeout.toSeconds()
                        + " s after the controller restarted; bring the agent back online and run the step again");
            }
            if (!said) {
                log.println("Waiting for " + agent + " to reconnect (at most " + timeout.toSeconds() + " s) before resuming");
                said = true;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private static <T> T lookOnce(Probe<T> probe) throws InterruptedException {
        try {
            return probe.get();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return null; // a channel closing or timing out: not back yet
        }
    }
}
