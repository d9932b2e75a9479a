package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class StatCsvTest {

    @Test
    void requestsInFlightOnTheDrainingColourAreCounted() {
        assertThat(StatCsv.currentSessions(Captured.read("stat-draining.csv"), "app"))
                .containsExactly(entry("blue", 3), entry("green", 0));
    }

    @Test
    void finishedRequestsAreNoLongerCounted() {
        assertThat(StatCsv.currentSessions(Captured.read("stat-switched.csv"), "app")).containsEntry("blue", 0)
                .containsEntry("green", 0);
    }

    @Test
    void frontendAndBackendLinesAreNotServers() {
        assertThat(StatCsv.currentSessions(Captured.read("stat-all-initial.csv"), "app")).containsOnlyKeys("blue", "green");
        assertThat(StatCsv.currentSessions(Captured.read("stat-all-initial.csv"), "fe")).isEmpty();
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertThat(StatCsv.fields("app,blue,\"a,b\",\"say \"\"hi\"\"\",,3"))
                .containsExactly("app", "blue", "a,b", "say \"hi\"", "", "3");
    }

    @Test
    void anErrorAnswerIsNotMistakenForStatistics() {
        assertThatThrownBy(() -> StatCsv.currentSessions("No such proxy.\n\n", "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No such proxy.");
    }
}
