package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminStateTest {

    /** Masks seen on HAProxy 2.6.12 for servers declared {@code disabled}, which keep CMAINT (0x04) for ever. */
    @ParameterizedTest
    @CsvSource({
        "5, MAINT",   // as configured: FMAINT | CMAINT
        "4, READY",   // after 'state ready': CMAINT alone does not stop traffic
        "12, DRAIN",  // after 'state drain': FDRAIN | CMAINT
        "0, READY",
        "1, MAINT",
        "2, MAINT",   // inherited from a tracked server
        "32, MAINT",  // address resolution failed
        "16, DRAIN",  // inherited drain
        "9, MAINT",   // maintenance wins over drain
    })
    void theMaskGivesTheStateHaproxyActsOn(int mask, AdminState expected) {
        assertThat(AdminState.fromMask(mask)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, STOPPED", "1, STARTING", "2, RUNNING", "3, STOPPING"})
    void operationalCodes(int code, OperationalState expected) {
        assertThat(OperationalState.fromCode(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-1", "4"})
    void unknownOperationalCodesAreRefused(int code) {
        assertThatThrownBy(() -> OperationalState.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
