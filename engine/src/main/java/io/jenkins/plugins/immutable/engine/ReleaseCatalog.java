package io.jenkins.plugins.immutable.engine;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing.Placement;
import io.jenkins.plugins.immutable.engine.api.ReleaseRowSink;
import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every release, newest first, with where it runs now: the latest state of each colour of each environment, read from
 * the environments' histories (the last record per colour is that colour's state).
 */
final class ReleaseCatalog {

    private static final List<DeploymentState> RUNNING = List.of(DeploymentState.ACTIVE, DeploymentState.WARM,
            DeploymentState.HEALTHY, DeploymentState.STARTING);

    private final Ledger ledger;

    ReleaseCatalog(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Every release, newest created first, with its placements, one at a time. */
    void eachRelease(java.util.function.Consumer<ReleaseListing> sink) throws ReleaseException {
        Map<String, List<Placement>> placements = placements();
        ledger.forEachReleaseNewestFirst(release -> sink.accept(new ReleaseListing(release,
                placements.getOrDefault(release.id(), List.of()))));
    }

    /** The same, each release as stored when it can be copied as it is ({@link io.jenkins.plugins.immutable.engine.api.ReleaseEngine#eachReleaseRow}). */
    void eachReleaseRow(ReleaseRowSink sink) throws ReleaseException {
        Map<String, List<Placement>> placements = placements();
        ledger.forEachStoredReleaseNewestFirst(new Ledger.StoredReleases() {
            @Override
            public void stored(StoredRelease release) {
                // Most releases run nowhere: their id is not even made into a String.
                sink.stored(release, placements.isEmpty() ? List.of() : placements.getOrDefault(release.id(), List.of()));
            }

            @Override
            public void bound(Release release) {
                sink.bound(new ReleaseListing(release, placements.getOrDefault(release.id(), List.of())));
            }
        });
    }

    /** Where each release runs now: the latest step of each colour of each environment, when it still runs. */
    private Map<String, List<Placement>> placements() throws ReleaseException {
        Map<String, List<Placement>> placements = new HashMap<>();
        for (String environment : ledger.environments()) {
            Map<String, DeploymentRecord> latestPerColour = new LinkedHashMap<>();
            for (DeploymentRecord step : ledger.history(environment)) {
                latestPerColour.putIfAbsent(step.colour().label(), step);
            }
            for (DeploymentRecord step : latestPerColour.values()) {
                if (RUNNING.contains(step.state())) {
                    placements.computeIfAbsent(step.releaseId(), id -> new ArrayList<>())
                            .add(new Placement(environment, step.colour(), step.state()));
                }
            }
        }
        return placements;
    }

    List<ReleaseListing> releases() throws ReleaseException {
        Map<String, List<Placement>> placements = placements();
        List<Release> all = new ArrayList<>(ledger.releases());
        java.util.Collections.reverse(all);
        List<ReleaseListing> listings = new ArrayList<>(all.size());
        for (Release release : all) {
            listings.add(new ReleaseListing(release, placements.getOrDefault(release.id(), List.of())));
        }
        return listings;
    }
}
