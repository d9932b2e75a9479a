package io.jenkins.plugins.immutable.engine.strategy;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.ServerCounters;

/** What a canary acts on: the deploy flow implements it over the router, the target and the ledger. */
public interface CanaryTarget {

    /** What an operator asked for from another command while the canary runs. */
    enum Signal {
        NONE,
        /** {@code promote}: past a pause, or else to 100 %. */
        PROMOTE,
        /** {@code abort} or {@code rollback}: the canary was taken out of the router; stop at once. */
        ABORT
    }

    /** Gives the canary {@code percent} of new requests, the stable colour the rest; read back. */
    void share(int percent) throws ReleaseException;

    /** The canary server's cumulative counters now. */
    ServerCounters counters() throws ReleaseException;

    /** Reads (and consumes) what an operator asked for since the last call. */
    Signal signal() throws ReleaseException;

    /** A step began, a pause waits, or a verdict was reached: an event and a row of the environment's history. */
    void report(StepFigures figures, String text) throws ReleaseException;
}
