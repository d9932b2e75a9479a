package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.ServerCounters;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import io.jenkins.plugins.immutable.engine.strategy.CanaryOutcome;
import io.jenkins.plugins.immutable.engine.strategy.CanaryStrategy;
import io.jenkins.plugins.immutable.engine.strategy.CanaryTarget;
import io.jenkins.plugins.immutable.engine.strategy.StepFigures;
import java.util.Map;

/**
 * A canary of a healthy new colour beside the live (stable) one: both ready, traffic shared by weights, step by step as
 * {@link CanaryStrategy} decides; then the normal switch, or an abort that takes the canary out of the router at once,
 * removes its container (on a Swarm, its service: every replica) and leaves the stable colour serving everything. On a
 * Swarm each colour is a group of servers, one per replica; the router spreads each colour's share over its group and
 * sums the group's counters, so the strategy sees one canary and one stable colour on either platform.
 *
 * <p>Operators reach a running canary through the target: {@code abort} (and {@code rollback}) put the canary server into
 * maintenance, which this run sees at its next poll; {@code promote} creates the never-started container
 * {@link #promoteSignal} on the Docker host, which this run consumes.
 */
final class CanaryRun implements CanaryTarget {

    private final Session s;
    private final Slot stable;
    private Slot canary;
    private int share;
    /** The step the canary is at, for the abort's row. */
    private int step;

    private CanaryRun(Session s, Slot stable, Slot canary) {
        this.s = s;
        this.stable = stable;
        this.canary = canary;
    }

    /** The name of the object {@code promote} creates on the Docker host to advance a running canary. */
    static String promoteSignal(String environment) {
        return "immutable-canary-" + environment + "-promote";
    }

    /** The canary of a split: the colour whose container started later (the stable one is the older). */
    static Colour newer(TargetView target) {
        java.time.Instant blue = target.labelled(Colour.BLUE).map(l -> l.startedAt()).orElse(null);
        java.time.Instant green = target.labelled(Colour.GREEN).map(l -> l.startedAt()).orElse(null);
        if (blue == null || green == null) {
            return blue == null ? Colour.BLUE : Colour.GREEN;
        }
        return blue.isAfter(green) ? Colour.BLUE : Colour.GREEN;
    }

    /** @return the switch time in milliseconds once the canary reached 100 % */
    static long run(Session s, Slot canary, Slot stable) throws ReleaseException {
        CanaryRun run = new CanaryRun(s, stable, canary);
        DockerGateway docker = s.docker();
        docker.remove(promoteSignal(s.name()));
        Intent intent = s.begin(Intent.Operation.DEPLOY, "canary", canary, Map.of("stable", stable.colour().label()));
        s.router().beginSplit(canary.colour(), canary.endpoints());
        FaultPoints.reach("deploy.canary-started");
        CanaryOutcome outcome;
        try {
            outcome = new CanaryStrategy(settings(s)).run(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = null;
        } catch (ReleaseException e) {
            run.abort("the canary could not go on: " + e.getMessage());
            s.done(intent);
            throw e;
        }
        if (outcome == null) {
            run.abort("the deploy was interrupted");
            s.done(intent);
            throw new ReleaseException(Kind.FAILED_SAFELY, "The canary of " + canary.releaseId() + " in " + s.name()
                    + " was interrupted; all traffic is back on " + stable.colour().label() + " (" + stable.releaseId() + ").");
        }
        if (!outcome.promote()) {
            run.abort(outcome.reason());
            s.done(intent);
            throw new ReleaseException(Kind.FAILED_SAFELY, "The canary of " + canary.releaseId() + " in " + s.name()
                    + " was aborted: " + outcome.reason() + (outcome.figures() == null ? "" : " (" + outcome.figures().describe()
                    + ")") + ". All traffic is on " + stable.colour().label() + " (" + stable.releaseId() + ") again, "
                    + "untouched; the canary's " + (s.settings().onSwarm() ? "service" : "container") + " was removed.");
        }
        s.note("The canary of " + run.canary.releaseId() + " passed (" + outcome.reason() + "): switching all traffic to "
                + canary.colour().label() + ".");
        s.done(intent);
        long millis = TrafficSwitch.to(s, s.state().slot(canary.colour()), Intent.Operation.DEPLOY);
        s.router().resetWeights();
        return millis;
    }

    /** The environment's canary; with manual promotion, a pause before the final switch (the gate a person opens). */
    private static CanarySettings settings(Session s) {
        CanarySettings canary = s.settings().canary();
        if (!s.settings().manualPromotion()) {
            return canary;
        }
        CanarySettings gated = canary.withFinalPause();
        s.note("Manual promotion: the canary runs " + CanarySettings.describeSteps(gated.steps()) + "; at the pause it waits"
                + " for 'promote' before all traffic moves (or 'abort'), failures still watched.");
        return gated;
    }

    @Override
    public void share(int percent) throws ReleaseException {
        s.router().setShare(canary.colour(), percent);
        share = percent;
        FaultPoints.reach("deploy.canary-share-set");
    }

    @Override
    public ServerCounters counters() throws ReleaseException {
        return s.router().counters().get(canary.colour());
    }

    @Override
    public Signal signal() throws ReleaseException {
        ServerState server = s.router().state().server(canary.colour());
        Map<Colour, Integer> weights = s.router().weights();
        if (!server.receivesNewRequests() || weights.get(canary.colour()) != share) {
            return Signal.ABORT;
        }
        if (s.docker().inspect(promoteSignal(s.name())).isPresent()) {
            s.docker().remove(promoteSignal(s.name()));
            return Signal.PROMOTE;
        }
        return Signal.NONE;
    }

    @Override
    public void report(StepFigures f, String text) throws ReleaseException {
        String verdict = text.startsWith("step " + f.step() + "/") ? "begun"
                : StepFigures.parse(text).map(StepFigures.Labelled::label).orElse(f.verdict().label());
        step = f.step();
        s.events().on(new EngineEvent.CanaryStep(s.name(), f.step(), f.share(), f.requests(), f.errors(), f.p99Millis(), verdict,
                text));
        canary = s.transition(s.state().slot(canary.colour()), DeploymentState.CANARY,
                io.jenkins.plugins.immutable.engine.strategy.CanaryHistory.PREFIX + text);
    }

    /** All traffic back to stable at once, the canary's container removed, recorded ABORTED. */
    private void abort(String reason) throws ReleaseException {
        s.router().endSplitTowardsStable(canary.colour(), TrafficSwitch.DRAIN_TIMEOUT);
        s.events().on(new EngineEvent.CanaryStep(s.name(), step, share, 0, 0, 0, "aborted", "aborted: " + reason
                + "; all traffic to " + stable.colour().label()));
        s.removeContainer(canary.colour(), canary.container());
        s.transition(s.state().slot(canary.colour()), DeploymentState.ABORTED,
                io.jenkins.plugins.immutable.engine.strategy.CanaryHistory.ABORTED_PREFIX + reason
                        + io.jenkins.plugins.immutable.engine.strategy.CanaryHistory.REMOVED);
    }
}
