package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** builderId comes from an agent or a ledger: only http(s) URLs and Jenkins build paths become links. */
class BuilderLinksTest {

    @Test
    void scriptAndOtherSchemesNeverBecomeLinks() {
        assertThat(BuilderLinks.href("javascript:alert(document.cookie)", "https://ci.example/", "")).isNull();
        assertThat(BuilderLinks.href(" JaVaScRiPt:alert(1)", null, "/jenkins")).isNull();
        assertThat(BuilderLinks.href("data:text/html,<script>x</script>", null, "")).isNull();
        assertThat(BuilderLinks.href("vbscript:x", null, "")).isNull();
        assertThat(BuilderLinks.href("//evil.example/job/a/1/", null, "")).isNull();
        assertThat(BuilderLinks.href("job/a/../../../logout", null, "")).isNull();
        assertThat(BuilderLinks.href("job\\a", null, "")).isNull();
        assertThat(BuilderLinks.href("cli@build-host", null, "")).isNull();
        assertThat(BuilderLinks.href("https:///no-host", null, "")).isNull();
        assertThat(BuilderLinks.href(null, null, "")).isNull();
        assertThat(BuilderLinks.href("  ", null, "")).isNull();
    }

    @Test
    void absoluteHttpUrlsLinkAsRecorded() {
        assertThat(BuilderLinks.href("https://ci.example/job/app/41/", null, "")).isEqualTo("https://ci.example/job/app/41/");
        assertThat(BuilderLinks.href("http://old-ci:8080/jenkins/job/app/7/", "https://ci.example/", ""))
                .isEqualTo("http://old-ci:8080/jenkins/job/app/7/");
    }

    @Test
    void jenkinsRelativeIdsResolveAgainstTheRootUrl() {
        assertThat(BuilderLinks.href("job/app/41/", "https://ci.example/jenkins/", "/jenkins"))
                .isEqualTo("https://ci.example/jenkins/job/app/41/");
        assertThat(BuilderLinks.href("job/folder/job/app/41/", "https://ci.example", ""))
                .isEqualTo("https://ci.example/job/folder/job/app/41/");
    }

    @Test
    void withoutARootUrlRelativeIdsResolveAgainstTheContextPath() {
        assertThat(BuilderLinks.href("job/app/41/", null, "/jenkins")).isEqualTo("/jenkins/job/app/41/");
        assertThat(BuilderLinks.href("job/app/41/", "", "")).isEqualTo("/job/app/41/");
        assertThat(BuilderLinks.href("job/app/41/", null, null)).isEqualTo("/job/app/41/");
    }

    @Test
    void theViewsLinkOnlyTheCheckedHref() throws Exception {
        for (String view : new String[] {"index.jelly", "summary.jelly"}) {
            try (InputStream in = ReleaseAction.class.getResourceAsStream("ReleaseAction/" + view)) {
                String jelly = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(jelly).as(view).doesNotContain("href=\"${r.builderId}\"").contains("it.builderHref(r.builderId, rootURL)");
            }
        }
    }
}
