package io.jenkins.plugins.immutable.testing;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.time.Instant;
import java.util.List;

/** Values for tests: digests, refs, releases and environment views. */
public final class Samples {

    public static final String REPO = "127.0.0.1:5000/team/app";
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Samples() {
    }

    /** A digest of 64 copies of {@code c}. */
    public static Digest digest(char c) {
        return Digest.parse("sha256:" + String.valueOf(c).repeat(64));
    }

    public static ImageRef ref(char c) {
        return new ImageRef(REPO, digest(c));
    }

    public static String refText(char c) {
        return ref(c).toString();
    }

    public static String releaseId(char c) {
        return Release.idFor(digest(c));
    }

    public static Release release(char c, char input) {
        return new Release(releaseId(c), "app", ref(c), digest(input), "https://git.example.com/app.git", "0123abc", T0,
                "https://jenkins.example.com/job/app/41/");
    }

    public static ColourView colour(Colour colour, DeploymentState state, char c) {
        return new ColourView(colour, state, releaseId(c), ref(c), "app-staging-" + colour.label(), 32768, T0);
    }

    public static EnvironmentView view(ColourView active, ColourView previous, ColourView preview, Long switchMillis) {
        return new EnvironmentView("staging", active, previous, preview, switchMillis, active == null ? "none" : active.colour().label(), List.of());
    }

    /** A provenance statement as the engine writes it (only the fields the plugin reads matter). */
    public static String provenance(String builderId, String revision) {
        return """
                {"_type":"https://in-toto.io/Statement/v1",
                 "subject":[{"name":"%s","digest":{"sha256":"%s"}}],
                 "predicateType":"https://slsa.dev/provenance/v1",
                 "predicate":{"buildDefinition":{"externalParameters":{"source":{"uri":"https://git.example.com/app.git","revision":"%s"}}},
                   "runDetails":{"builder":{"id":"%s"},
                     "metadata":{"invocationId":"app#41","startedOn":"2025-03-01T10:00:00Z","finishedOn":"2025-03-01T10:01:30Z"}}}}
                """.formatted(REPO, "a".repeat(64), revision, builderId);
    }
}
