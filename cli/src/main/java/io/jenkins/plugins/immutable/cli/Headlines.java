package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;

/** The first line after an operation: what happened to the traffic, and what to do next. */
final class Headlines {

    private Headlines() {
    }

    static String deploy(EnvironmentView view) {
        if (view.trafficMoved() && view.active() != null) {
            return "deployed " + view.active().releaseId() + " to " + view.environment() + ": " + view.active().colour().label()
                    + " serves it now";
        }
        if (view.preview() != null) {
            return waiting(view);
        }
        return "traffic did not move: " + describe(view.active()) + " still serves " + view.environment();
    }

    static String promote(EnvironmentView view) {
        if (view.trafficMoved() && view.active() != null) {
            return "promoted " + view.active().releaseId() + ": " + view.active().colour().label() + " serves "
                    + view.environment() + " now";
        }
        return "traffic did not move: " + describe(view.active()) + " still serves " + view.environment();
    }

    static String abort(EnvironmentView view) {
        return "removed the colour waiting for promotion; traffic did not move: " + describe(view.active()) + " still serves "
                + view.environment();
    }

    static String rollback(EnvironmentView view) {
        if (view.trafficMoved() && view.active() != null) {
            return "rolled " + view.environment() + " back to " + view.active().releaseId() + " (" + view.active().colour().label()
                    + ")";
        }
        if (view.preview() != null) {
            return waiting(view);
        }
        return "traffic did not move: " + describe(view.active()) + " still serves " + view.environment();
    }

    private static String waiting(EnvironmentView view) {
        ColourView preview = view.preview();
        return preview.colour().label() + " runs " + preview.releaseId() + " and passed its health check; traffic did not "
                + "move. Promote it with 'immutable promote --env " + view.environment() + "' or remove it with "
                + "'immutable abort --env " + view.environment() + "'.";
    }

    private static String describe(ColourView colour) {
        return colour == null ? "nothing" : colour.colour().label() + " (" + colour.releaseId() + ")";
    }
}
