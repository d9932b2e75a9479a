package io.jenkins.plugins.immutable.engine.inputs;

import static io.jenkins.plugins.immutable.engine.inputs.Files2.symlink;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {

    @TempDir
    Path ctx;

    private List<ContextEntry> entries;

    @BeforeEach
    void manyFiles() throws Exception {
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /\n");
        for (int i = 0; i < 40; i++) {
            write(ctx, String.format("lib/part-%02d", i), ("content of part " + i + "\n").repeat(1 + i * 50));
        }
        symlink(ctx, "current", "lib");
        entries = BuildContext.scan(ctx, ctx.resolve("Dockerfile")).entries();
    }

    @Test
    void threadsHashWhatOneThreadHashes() throws Exception {
        byte[][] oneAfterTheOther = ContentHashes.of(entries, Long.MAX_VALUE, 1);
        byte[][] byThreads = ContentHashes.of(entries, 0, 3);

        assertThat(byThreads.length).isEqualTo(entries.size());
        assertThat(byThreads).isDeepEqualTo(oneAfterTheOther);
        int part07 = indexOf("lib/part-07");
        assertThat(byThreads[part07]).isEqualTo(Sha256.newDigest().digest(Files.readAllBytes(ctx.resolve("lib/part-07"))));
        assertThat(byThreads[indexOf("lib")]).as("a folder hashes to nothing").isEmpty();
    }

    @Test
    void theFirstChangedFileInEntryOrderIsReportedWhicheverThreadMetItFirst() throws Exception {
        // part-05 comes first in entry order but its change shows last: 16 MB are read before the extra bytes are
        // met, while part-31, cut short, fails at once on another thread
        Files.write(ctx.resolve("lib/part-05"), new byte[16 << 20]);
        entries = BuildContext.scan(ctx, ctx.resolve("Dockerfile")).entries();
        Files.writeString(ctx.resolve("lib/part-05"), "grown after the scan", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(ctx.resolve("lib/part-31"), "cut");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> ContentHashes.of(entries, 0, 4))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(ctx.toRealPath().resolve("lib/part-05") + " changed while the build context was read");
        }
        assertThatThrownBy(() -> ContentHashes.of(entries, Long.MAX_VALUE, 1))
                .hasMessageContaining(ctx.toRealPath().resolve("lib/part-05") + " changed");
    }

    private int indexOf(String path) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new AssertionError(path + " is not an entry");
    }
}
