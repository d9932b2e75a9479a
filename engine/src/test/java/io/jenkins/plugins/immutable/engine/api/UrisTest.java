package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrisTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:TOKEN@github.com/o/r.git           | https://github.com/o/r.git",
        "https://TOKEN@github.com/o/r.git                | https://github.com/o/r.git",
        "https://x-access-token:ghs_abc@github.com/o/r   | https://github.com/o/r",
        "https://u:p%40ss@example.com:8443/r?x=1#f       | https://example.com:8443/r?x=1#f",
        "https://u:p@ss@example.com/r                    | https://example.com/r",
        "ssh://git@github.com/o/r.git                    | ssh://github.com/o/r.git",
        "HTTP://U:P@EXAMPLE.COM                          | HTTP://EXAMPLE.COM",
        "user:PASSWORD@example.com:o/r.git               | user@example.com:o/r.git",
        "git@github.com:o/r.git                          | git@github.com:o/r.git",
        "https://github.com/o/r.git                      | https://github.com/o/r.git",
        "https://github.com/@scope/pkg                   | https://github.com/@scope/pkg",
        "https://h/p?next=https://u:SECRET@x/y           | https://h/p?next=https://x/y",
        "/srv/git/r.git                                  | /srv/git/r.git"})
    void userInfoIsDropped(String given, String recorded) {
        assertThat(Uris.withoutUserInfo(given)).isEqualTo(recorded);
        assertThat(Uris.hasUserInfo(given)).isEqualTo(!given.equals(recorded));
    }

    @Test
    void aUriWithoutAnAtSignIsReturnedAsItIs() {
        String uri = "https://git.example.com/team/app.git";
        assertThat(Uris.withoutUserInfo(uri)).isSameAs(uri);
        assertThat(Uris.withoutUserInfo("git@github.com:o/r.git")).isEqualTo("git@github.com:o/r.git");
        assertThat(Uris.withoutUserInfo("https://u:TOKEN@github.com/o/r.git")).isEqualTo("https://github.com/o/r.git");
    }

    @Test
    void nullStaysNull() {
        assertThat(Uris.withoutUserInfo(null)).isNull();
        assertThat(Uris.hasUserInfo(null)).isFalse();
    }

    @Test
    void everyUriInATextLosesItsUserInfo() {
        assertThat(Uris.scrubText("clone https://u:TOKEN@github.com/o/r.git failed; \"ssh://git:pw@h/x\" too, mail a@b.c"))
                .isEqualTo("clone https://github.com/o/r.git failed; \"ssh://h/x\" too, mail a@b.c");
    }
}
