package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The global shared-ledger setting: what the form accepts, and that the form and its help ship. */
class LedgerConfigurationTest {

    @Test
    void theUrlIsOptionalAPostgresqlUrlAndNeverCarriesAPassword() {
        assertThat(LedgerConfiguration.urlProblem("")).isNull();
        assertThat(LedgerConfiguration.urlProblem("  ")).isNull();
        assertThat(LedgerConfiguration.urlProblem("jdbc:postgresql://db.example:5432/immutable?user=jenkins")).isNull();
        assertThat(LedgerConfiguration.urlProblem("postgresql://db.example/immutable")).isNull();

        assertThat(LedgerConfiguration.urlProblem("jdbc:postgresql://jenkins:hunter2@db.example/immutable"))
                .contains("PGPASSWORD or ~/.pgpass").doesNotContain("hunter2");
        assertThat(LedgerConfiguration.urlProblem("jdbc:postgresql://db.example/immutable?user=j&password=hunter2"))
                .contains("password").doesNotContain("hunter2");
        assertThat(LedgerConfiguration.urlProblem("jdbc:mysql://db.example/immutable")).contains("jdbc:postgresql://HOST:PORT/DB?user=U");
        assertThat(LedgerConfiguration.urlProblem("jdbc:postgresql://db.example/")).contains("a host and a database name");
    }

    @Test
    void theFormAndItsHelpShip() throws Exception {
        for (String file : new String[] {"config.jelly", "help-jdbcUrl.html", "help-credentialsId.html", "help.html"}) {
            try (InputStream in = LedgerConfiguration.class.getResourceAsStream("LedgerConfiguration/" + file)) {
                assertThat(in).as(file).isNotNull();
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (file.equals("config.jelly")) {
                    assertThat(text).contains("field=\"jdbcUrl\"").contains("field=\"credentialsId\"");
                }
            }
        }
    }
}
