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

    @Test
    void countersAreReadPerServerByColumnName() {
        String csv = "# pxname,svname,econ,eresp,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,rtime\n"
                + "app,FRONTEND,,,0,9,0,0,0,0,\n"
                + "app,blue,1,2,0,90,3,4,5,0,7\n"
                + "app,green,,,,,,,,,\n"
                + "app,BACKEND,0,0,0,90,3,4,5,0,7\n";
        java.util.Map<String, ServerCounters> counters = StatCsv.counters(csv, "app");
        assertThat(counters).containsOnlyKeys("blue", "green");
        ServerCounters blue = counters.get("blue");
        assertThat(blue.requests()).isEqualTo(102);
        assertThat(blue.errors()).isEqualTo(8);
        assertThat(blue.rtime()).isEqualTo(7);
        assertThat(counters.get("green")).isEqualTo(ServerCounters.ZERO);
        assertThat(blue.since(new ServerCounters(0, 40, 3, 4, 1, 0, 2, 1, 3)))
                .isEqualTo(new ServerCounters(0, 50, 0, 0, 4, 0, 0, 0, 7));
    }

    @Test
    void aRealCaptureHasTheCounterColumns() {
        assertThat(StatCsv.counters(Captured.read("stat-draining.csv"), "app")).containsOnlyKeys("blue", "green");
    }
}
