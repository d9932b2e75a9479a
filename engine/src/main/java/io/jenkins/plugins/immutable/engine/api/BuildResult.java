package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;

/**
 * The outcome of {@link ReleaseEngine#build}.
 *
 * @param release        the release built or reused
 * @param reused         {@code true} when an earlier release with the same input digest was returned and nothing was built
 * @param releaseFile    {@code release.json}
 * @param provenanceFile {@code provenance.intoto.json}: for a reused release, its original statement
 * @param provenanceJson the statement's text
 */
public record BuildResult(Release release, boolean reused, Path releaseFile, Path provenanceFile, String provenanceJson) {
}
