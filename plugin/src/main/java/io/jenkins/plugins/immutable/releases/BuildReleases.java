package io.jenkins.plugins.immutable.releases;

import io.jenkins.plugins.immutable.record.ReleaseAction;

/**
 * What one build of the job recorded, with where the build lives.
 *
 * @param number the build number
 * @param url    the build's URL relative to Jenkins' root, as {@code Run.getUrl()} gives it ({@code job/app/41/})
 * @param action its record
 */
public record BuildReleases(int number, String url, ReleaseAction action) {
}
