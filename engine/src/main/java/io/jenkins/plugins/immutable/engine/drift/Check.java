package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.List;

/** One kind of drift: compares the target with what the engine started and set. */
interface Check {

    List<DriftFinding> check(Target target) throws ReleaseException;

    /** A short list of values for a finding: at most {@code max}, then how many more. */
    static String shortList(List<String> values, int max) {
        if (values.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", values.subList(0, Math.min(max, values.size())));
        return values.size() > max ? shown + " and " + (values.size() - max) + " more" : shown;
    }
}
