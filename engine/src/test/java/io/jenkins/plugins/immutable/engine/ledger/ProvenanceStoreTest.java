package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceStoreTest {

    @TempDir
    Path dir;

    @Test
    void statementsAreKeptByteForByteByReleaseId() throws Exception {
        Ledger ledger = Ledger.open(dir);
        String id = Samples.release(1).id();
        String statement = "{\n  \"_type\": \"https://in-toto.io/Statement/v1\",\n  \"predicate\": {\"note\": \"ünïcode\"}\n}\n";

        Path file = ledger.writeProvenance(id, statement);

        assertThat(file).isEqualTo(dir.resolve("provenance/" + id + ".intoto.json"));
        assertThat(ledger.provenanceFile(id)).isEqualTo(file);
        assertThat(Ledger.open(dir).readProvenance(id)).contains(statement);
        assertThat(ledger.readProvenance(Samples.release(2).id())).isEmpty();

        ledger.writeProvenance(id, "{}");
        assertThat(ledger.readProvenance(id)).contains("{}");
        try (Stream<Path> files = Files.list(dir.resolve("provenance"))) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void releaseIdsThatCouldEscapeTheFolderAreRefused() {
        assertThatThrownBy(() -> Ledger.open(dir).writeProvenance("../../x", "{}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a valid release id");
    }
}
