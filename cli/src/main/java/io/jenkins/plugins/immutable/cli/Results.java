package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;

/** How deploy, promote, abort, rollback and status show the environment they leave behind. */
final class Results {

    private Results() {
    }

    static void environment(Output output, EnvironmentView view, String headline) {
        if (output.json()) {
            output.document(Json.environment(view));
            return;
        }
        if (headline != null) {
            output.text().println(headline);
        }
        EnvironmentText.print(view, output.text(), output::alreadyShown);
    }
}
