package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsAndShowsMissingCellsAsDash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("A", "LONG HEADER", "C").row("x", null, "last").row("longer", "y", "").print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "A       LONG HEADER  C\n"
                + "x       -            last\n"
                + "longer  y            -\n");
    }
}
