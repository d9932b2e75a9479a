package io.jenkins.plugins.immutable.engine.api;

import java.util.List;

/**
 * Receives the releases of a listing one at a time ({@link ReleaseEngine#eachReleaseRow}), each either as stored
 * (copied, not read: the fast way) or as a record (when an engine or a row offers nothing to copy). Like a
 * {@link java.util.function.Consumer}, it throws nothing checked: a writer wraps its {@code IOException}.
 */
public interface ReleaseRowSink {

    /** A release as stored, and where it runs now; {@code release} is valid during this call only. */
    void stored(StoredRelease release, List<ReleaseListing.Placement> placements);

    /** A release read into its record, and where it runs now. */
    void bound(ReleaseListing listing);
}
