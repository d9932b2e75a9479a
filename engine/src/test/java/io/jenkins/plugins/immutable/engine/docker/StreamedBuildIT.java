package io.jenkins.plugins.immutable.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The context is streamed to the real daemon while it is packed: a whole context builds, and one whose packing fails
 * half-way is never built, even when the part sent so far ends between two entries and would make a valid tar.
 */
class StreamedBuildIT {

    private final DockerGateway docker = DockerJavaGateway.connect(TestServices.get().dockerHost());

    @org.junit.jupiter.api.AfterEach
    void close() {
        docker.close();
    }

    /** A Dockerfile and a page, as complete tar entries; {@code finish} closes the archive as a whole tar would. */
    private static void writeContext(OutputStream out, boolean finish) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        entry(tar, "Dockerfile", "FROM scratch\nCOPY page.txt /page.txt\nLABEL streamed=yes\n");
        entry(tar, "page.txt", "streamed\n");
        tar.flush();
        if (finish) {
            tar.finish();
            tar.flush();
        }
    }

    private static void entry(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private BuildSpec spec(ContextSource context, String tag) {
        return new BuildSpec(context, "Dockerfile", Map.of(), Map.of("io.jenkins.plugins.immutable-release.test", "streamed"),
                null, tag, false);
    }

    @Test
    void aWholeContextIsBuiltAsItIsSent() throws Exception {
        String tag = "immutable-it/streamed:" + UUID.randomUUID().toString().substring(0, 8);
        List<String> log = new ArrayList<>();

        String imageId = docker.build(spec(out -> writeContext(out, true), tag), log::add);

        assertThat(imageId).matches("(sha256:)?[0-9a-f]{12,64}");
        assertThat(String.join("\n", log)).contains("COPY page.txt /page.txt");
        assertThat(docker.imageConfig(tag).isPresent()).isTrue();
    }

    @Test
    void aContextWhosePackingFailsIsNeverBuilt() throws Exception {
        String tag = "immutable-it/streamed:" + UUID.randomUUID().toString().substring(0, 8);
        InvalidInputException changed = new InvalidInputException("context", "page.txt changed while the build context was read");
        // Proof that what is sent before the failure would build on its own: the same bytes, ended, are a valid tar.
        ByteArrayOutputStream sentBeforeFailure = new ByteArrayOutputStream();
        writeContext(sentBeforeFailure, false);
        assertThat(sentBeforeFailure.size() % 512).as("the part sent ends on a tar record boundary").isZero();

        Throwable thrown = catchThrowable(() -> docker.build(spec(out -> {
            writeContext(out, false);
            throw changed;
        }, tag), line -> { }));

        assertThat(thrown).isSameAs(changed);
        assertThat(docker.imageConfig(tag).isPresent()).as("nothing was built or tagged from the partial context").isFalse();
    }
}
