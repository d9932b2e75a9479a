package io.jenkins.plugins.immutable.engine.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImagesTest {

    @Test
    void scratchIsNoImage() {
        assertThat(BaseImages.of("FROM scratch\nCOPY a /a\n", Map.of())).isEmpty();
    }

    @Test
    void earlierStagesAreNotImagesButLaterExternalOnesAre() {
        String dockerfile = """
                # syntax comment
                ARG BASE=debian:12
                FROM --platform=linux/amd64 ${BASE} AS build
                RUN make
                FROM build AS test
                FROM registry.example.com/runtime@sha256:0000000000000000000000000000000000000000000000000000000000000000
                COPY --from=build /out /out
                """;
        assertThat(BaseImages.of(dockerfile, Map.of()))
                .containsExactly("debian:12", "registry.example.com/runtime@sha256:0000000000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void buildArgsOverrideArgDefaultsAndContinuationLinesJoin() {
        String dockerfile = "ARG VERSION=1\nFROM \\\n  alpine:$VERSION\n";
        assertThat(BaseImages.of(dockerfile, Map.of("VERSION", "3.20"))).containsExactly("alpine:3.20");
        assertThat(BaseImages.of(dockerfile, Map.of())).containsExactly("alpine:1");
    }

    @Test
    void secretLookingArgsAreRedactedByName() {
        assertThat(SecretArgs.redact(Map.of("NPM_TOKEN", "abc", "VERSION", "1", "DB_PASSWORD", "x")))
                .containsEntry("NPM_TOKEN", SecretArgs.REDACTED)
                .containsEntry("DB_PASSWORD", SecretArgs.REDACTED)
                .containsEntry("VERSION", "1");
    }
}
