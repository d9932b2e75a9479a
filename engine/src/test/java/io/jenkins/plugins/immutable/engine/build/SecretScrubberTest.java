package io.jenkins.plugins.immutable.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.LogLine;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScrubberTest {

    @TempDir
    Path dir;

    private SecretScrubber scrubber() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        return SecretScrubber.of(BuildRequest.builder().image("127.0.0.1:5000/team/app").context(dir.toString())
                .builderId("cli@host")
                .buildArg("CREDS=user:PASSWORD").buildArg("VERSION=v1.2.3").buildArg("MY_KEY=abc")
                .secretBuildArg("NPM_RC=//registry/:_authToken=SECRET-VALUE")
                .build());
    }

    @Test
    void eventsLoseSecretValuesUserInfoAndEncodedForms() throws Exception {
        List<EngineEvent> seen = new ArrayList<>();
        var events = scrubber().events(seen::add);
        events.on(new LogLine("echo user:PASSWORD and //registry/:_authToken=SECRET-VALUE"));
        events.on(new Notice("POST /build?buildargs=%7B%22CREDS%22%3A%22user%3APASSWORD%22%7D from https://u:T0K@h/x"));
        events.on(new LogLine("version v1.2.3, abc is too short to mask"));
        assertThat(seen).extracting(EngineEvent::message).containsExactly(
                "echo **** and ****",
                "POST /build?buildargs=%7B%22CREDS%22%3A%22****%22%7D from https://h/x",
                "version v1.2.3, abc is too short to mask");
    }

    @Test
    void failuresAreRewrittenOnlyWhenTheyHoldASecret() throws Exception {
        SecretScrubber scrubber = scrubber();
        ReleaseException clean = new ReleaseException(Kind.FAILED_SAFELY, "no secret here");
        assertThat(scrubber.scrub(clean)).isSameAs(clean);

        ReleaseException dirty = new ReleaseException(Kind.FAILED_SAFELY, "failed: user:PASSWORD",
                new RuntimeException("user:PASSWORD"));
        ReleaseException scrubbed = scrubber.scrub(dirty);
        assertThat(scrubbed.getMessage()).isEqualTo("failed: ****");
        assertThat(scrubbed.getCause()).isNull();
        assertThat(scrubbed.kind()).isEqualTo(Kind.FAILED_SAFELY);

        ReleaseException unreachable = scrubber.scrub(new ComponentUnreachableException(Component.values()[0],
                "tcp://u:pw@host:2375", "cannot reach tcp://u:pw@host:2375", null));
        assertThat(unreachable).isInstanceOf(ComponentUnreachableException.class);
        assertThat(unreachable.getMessage()).isEqualTo("cannot reach tcp://host:2375");
        assertThat(((ComponentUnreachableException) unreachable).address()).isEqualTo("tcp://host:2375");
    }
}
