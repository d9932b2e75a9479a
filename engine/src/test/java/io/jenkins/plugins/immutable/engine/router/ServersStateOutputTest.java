package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.router.ServersStateOutput.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServersStateOutputTest {

    @Test
    void serversDeclaredDisabledAreInMaintenanceAtPortOne() {
        Map<String, Row> rows = ServersStateOutput.parse(Captured.read("servers-state-initial.txt"), "app");

        assertThat(rows).containsOnlyKeys("blue", "green");
        assertThat(rows.get("blue")).isEqualTo(new Row("blue", "127.0.0.1", 1, OperationalState.STOPPED, AdminState.MAINT));
        assertThat(rows.get("green")).isEqualTo(new Row("green", "127.0.0.1", 1, OperationalState.STOPPED, AdminState.MAINT));
    }

    @Test
    void duringTheSwitchTheOldColourDrainsAndTheNewOneIsReady() {
        Map<String, Row> rows = ServersStateOutput.parse(Captured.read("servers-state-draining.txt"), "app");

        assertThat(rows.get("blue")).isEqualTo(new Row("blue", "127.0.0.1", 18104, OperationalState.RUNNING, AdminState.DRAIN));
        assertThat(rows.get("green")).isEqualTo(new Row("green", "127.0.0.1", 18102, OperationalState.RUNNING, AdminState.READY));
    }

    @Test
    void afterTheSwitchTheOldColourKeepsItsAddressInMaintenance() {
        Map<String, Row> rows = ServersStateOutput.parse(Captured.read("servers-state-switched.txt"), "app");

        assertThat(rows.get("blue")).isEqualTo(new Row("blue", "127.0.0.1", 18104, OperationalState.STOPPED, AdminState.MAINT));
        assertThat(rows.get("green").admin()).isEqualTo(AdminState.READY);
    }

    @Test
    void onlyTheAskedBackendsServersAreKept() {
        assertThat(ServersStateOutput.parse(Captured.read("servers-state-draining.txt"), "other")).isEmpty();
    }

    @Test
    void anotherFormatVersionIsRefused() {
        String text = Captured.read("servers-state-initial.txt").replaceFirst("1\n", "2\n");

        assertThatThrownBy(() -> ServersStateOutput.parse(text, "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format version 1");
    }

    @Test
    void aMissingColumnIsNamed() {
        String text = Captured.read("servers-state-initial.txt").replace(" srv_port ", " srv_portx ");

        assertThatThrownBy(() -> ServersStateOutput.parse(text, "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("srv_port");
    }

    @Test
    void aTruncatedLineIsRefused() {
        String text = Captured.read("servers-state-initial.txt").replace(" - - 0\n3 app 2", "\n3 app 2");

        assertThatThrownBy(() -> ServersStateOutput.parse(text, "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("22 values for 25 columns");
    }

    @Test
    void anErrorAnswerIsNotMistakenForState() {
        assertThatThrownBy(() -> ServersStateOutput.parse("Can't find backend.\n\n", "app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Can't find backend.");
    }
}
