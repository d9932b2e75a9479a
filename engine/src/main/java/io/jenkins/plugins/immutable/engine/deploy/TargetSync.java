package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads an environment from the target — its two containers by name, with their labels, and the router — and brings
 * the ledger's cache in line with it before any operation acts. The ledger is history; the target is the truth.
 */
final class TargetSync {

    private TargetSync() {
    }

    static TargetView read(String environment, String app, Platform docker, RouterState router) throws ReleaseException {
        Map<Colour, ContainerInfo> containers = new EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            docker.inspect(app + "-" + environment + "-" + colour.label()).ifPresent(c -> containers.put(colour, c));
        }
        return new TargetView(environment, containers, router);
    }

    /** Corrects the session's state from the target, recording each change in the environment's history. */
    static TargetView sync(Session s) throws ReleaseException {
        TargetView view = read(s.name(), s.settings().app(), s.platform(), s.router().state());
        TargetView.Correction correction = view.correct(s.state(), s.now());
        if (!correction.changes().isEmpty()) {
            for (Colour colour : Colour.values()) {
                Slot now = correction.state().slot(colour);
                if (now != null && now != s.state().slot(colour)) {
                    s.place(now, "found on the target (the ledger was behind it)");
                }
            }
            s.note("This ledger was behind the target (" + s.platform().where() + ", HAProxy " + s.router().runtime().address()
                    + "): " + String.join("; ", correction.changes()) + ". It now follows the target.");
        }
        s.target(view);
        return view;
    }
}
