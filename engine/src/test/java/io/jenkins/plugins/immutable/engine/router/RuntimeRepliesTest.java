package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer here was sent by a real HAProxy 2.6.12. */
class RuntimeRepliesTest {

    private static final Path SOCKET = Path.of("/run/test/admin.sock");

    @ParameterizedTest
    @ValueSource(strings = {
        "\n",
        "no need to change the addr, port changed from '1' to '18101' by 'stats socket command'\n\n",
        "no need to change the addr, no need to change the port by 'stats socket command'\n\n",
    })
    void successfulChangesPass(String reply) {
        assertThatCode(() -> RuntimeReplies.check(SOCKET, "set server app/blue addr 127.0.0.1 port 18101", reply))
                .doesNotThrowAnyException();
    }

    @Test
    void dumpsPass() {
        assertThatCode(() -> {
            RuntimeReplies.check(SOCKET, "show servers state app", Captured.read("servers-state-draining.txt"));
            RuntimeReplies.check(SOCKET, "show stat app 4 -1", Captured.read("stat-draining.csv"));
        }).doesNotThrowAnyException();
    }

    @Test
    void anUnknownServerIsNamedWithTheRemedy() {
        assertThatThrownBy(() -> RuntimeReplies.check(SOCKET, "set server app/purple state ready", "No such server.\n\n"))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertKind(e, Kind.BAD_INPUT))
                .hasMessageContaining("Backend 'app'").hasMessageContaining("no server 'purple'")
                .hasMessageContaining("servers named blue and green");
    }

    @Test
    void anUnknownBackendIsNamedWhateverTheCommandSaid() throws Exception {
        for (String[] commandAndReply : new String[][] {
            {"set server nope/blue state ready", "No such backend.\n\n"},
            {"show servers state nope", "Can't find backend.\n\n"},
            {"show stat nope 4 -1", "No such proxy.\n\n"},
        }) {
            assertThatThrownBy(() -> RuntimeReplies.check(SOCKET, commandAndReply[0], commandAndReply[1]))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertKind(e, Kind.BAD_INPUT))
                    .hasMessageContaining("no backend 'nope'").hasMessageContaining("--haproxy-backend");
        }
    }

    @Test
    void aSocketWithoutAdminLevelSaysHowToDeclareIt() {
        assertThatThrownBy(() -> RuntimeReplies.check(SOCKET, "set server app/blue state ready", "Permission denied\n\n"))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertKind(e, Kind.BAD_INPUT))
                .hasMessageContaining("permission denied")
                .hasMessageContaining("stats socket /run/test/admin.sock mode 600 level admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no need to change the addr, problem converting port 'abc' to an int by 'stats socket command'\n\n",
        "Invalid addr 'foo' by 'stats socket command'\n\n",
        "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n\n",
        "Require 'backend/server'.\n\n",
        "usage: set server <backend>/<server> addr | agent | agent-addr | agent-port | agent-send | check-addr\n\n",
        "Unknown command, but maybe one of the following ones is a better match:\n  help [<command>]  : list\n\n",
    })
    void otherRejectionsQuoteHaproxy(String reply) {
        assertThatThrownBy(() -> RuntimeReplies.check(SOCKET, "set server app/blue addr foo port abc", reply))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertKind(e, Kind.BAD_INPUT))
                .hasMessageContaining("rejected 'set server app/blue addr foo port abc'")
                .hasMessageContaining(reply.lines().findFirst().orElseThrow().strip());
    }

    private static void assertKind(ReleaseException e, Kind kind) {
        org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(kind);
    }
}
