package io.jenkins.plugins.immutable.engine.build;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.HealthProbe;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.LogLine;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.TrafficSwitched;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Warning;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.Uris;
import io.jenkins.plugins.immutable.engine.provenance.SecretArgs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last line of defence for one build: every event and failure message loses the user info of any URI in it and
 * every secret value it knows of (secret build arguments, and the values of arguments whose names look secret), as
 * the daemon may echo them (a {@code RUN echo $TOKEN}, a failed request's URL with its {@code buildargs}).
 */
final class SecretScrubber {

    static final String MASK = "****";
    /** Shorter values cannot be told apart from ordinary text; masking them would garble every line. */
    static final int MIN_MASKED_LENGTH = 4;

    private final List<String> values;

    private SecretScrubber(List<String> values) {
        this.values = values;
    }

    static SecretScrubber of(BuildRequest request) {
        Set<String> values = new LinkedHashSet<>();
        request.secretBuildArgs().values().forEach(value -> add(values, value));
        request.buildArgs().forEach((name, value) -> {
            if (SecretArgs.looksSecret(name)) {
                add(values, value);
            }
        });
        // Longest first, so a value that contains another is masked whole.
        return new SecretScrubber(values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    private static void add(Set<String> values, String value) {
        if (value != null && value.length() >= MIN_MASKED_LENGTH) {
            values.add(value);
            values.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = Uris.scrubText(text);
        for (String value : values) {
            scrubbed = scrubbed.replace(value, MASK);
        }
        return scrubbed;
    }

    EventHandler events(EventHandler inner) {
        return event -> inner.on(scrub(event));
    }

    EngineEvent scrub(EngineEvent event) {
        if (event instanceof StageStarted e) {
            return new StageStarted(e.stage(), scrub(e.detail()));
        } else if (event instanceof LogLine e) {
            return new LogLine(scrub(e.line()));
        } else if (event instanceof Notice e) {
            return new Notice(scrub(e.text()));
        } else if (event instanceof Warning e) {
            return new Warning(scrub(e.text()));
        } else if (event instanceof HealthProbe e) {
            return new HealthProbe(e.colour(), e.attempt(), scrub(e.outcome()), e.consecutivePasses(), e.elapsed(), e.timeout());
        } else if (event instanceof TrafficSwitched e) {
            return e;
        }
        throw new IllegalStateException("an event type the scrubber does not know: " + event.getClass().getName());
    }

    /** The failure as is when its message holds nothing to scrub, else a copy without the cause (which may hold it). */
    ReleaseException scrub(ReleaseException failure) {
        String message = failure.getMessage();
        String scrubbed = scrub(message);
        if (scrubbed == null || scrubbed.equals(message)) {
            return failure;
        }
        if (failure instanceof ComponentUnreachableException unreachable) {
            return new ComponentUnreachableException(unreachable.component(), scrub(unreachable.address()), scrubbed, null);
        }
        return new ReleaseException(failure.kind(), scrubbed);
    }
}
