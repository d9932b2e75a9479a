package io.jenkins.plugins.immutable.steps;

/**
 * The provenance's {@code builder.id}: the build's absolute URL, so a reader of the statement can open the build.
 * Jenkins knows its root URL only once an administrator set it; until then the build's relative URL is the best id.
 */
final class BuilderIds {

    private BuilderIds() {
    }

    static String of(String rootUrl, String runUrl) {
        if (rootUrl == null || rootUrl.isBlank()) {
            return runUrl;
        }
        return rootUrl.endsWith("/") || runUrl.startsWith("/") ? rootUrl + runUrl : rootUrl + "/" + runUrl;
    }
}
