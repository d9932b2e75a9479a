package io.jenkins.plugins.immutable.engine.inputs;

import static io.jenkins.plugins.immutable.engine.inputs.Files2.chmod;
import static io.jenkins.plugins.immutable.engine.inputs.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon builds from the tar {@link ContextTar} writes, with the Dockerfile outside the context: what
 * {@code .dockerignore} excludes never reaches the image, what it keeps does, and the added Dockerfile is dropped
 * by the daemon as the CLI's own trick intends.
 */
class ContextTarBuildIT {

    private final TestServices services = TestServices.get();
    private DockerClient docker;
    private String tag;
    private String imageId;
    private String containerId;

    @BeforeEach
    void connect() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(services.dockerHost()).build();
        var transport = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(services.dockerHost())).build();
        docker = DockerClientImpl.getInstance(config, transport);
        tag = "immutable-inputs-it:" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (containerId != null) {
                docker.removeContainerCmd(containerId).withForce(true).exec();
            }
            if (imageId != null) {
                docker.removeImageCmd(imageId).withForce(true).exec();
            }
        } finally {
            docker.close();
        }
    }

    @Test
    void daemonReceivesExactlyTheScannedContext(@TempDir Path dir) throws Exception {
        Path context = dir.resolve("ctx");
        write(context, ".dockerignore", "secret.txt\n**/*.log\n");
        write(context, "secret.txt", "do not ship");
        write(context, "www/index.html", "<h1>hello</h1>\n");
        write(context, "www/access.log", "noise");
        chmod(write(context, "bin/tool", "#!/bin/sh\n"), "rwx------");
        Path dockerfile = write(dir, "ops/Dockerfile", "FROM scratch\nCOPY . /ctx/\n");

        BuildContext scanned = BuildContext.scan(context, dockerfile);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        String dockerfileInTar = ContextTar.write(scanned, dockerfile, tar);

        imageId = docker.buildImageCmd()
                .withTarInputStream(new ByteArrayInputStream(tar.toByteArray()))
                .withDockerfilePath(dockerfileInTar)
                .withTags(Set.of(tag))
                .withPull(false)
                .exec(new BuildImageResultCallback())
                .awaitImageId();
        containerId = docker.createContainerCmd(imageId).withCmd("/not-started").exec().getId();

        Map<String, TarArchiveEntry> copied = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (InputStream archive = docker.copyArchiveFromContainerCmd(containerId, "/ctx").exec();
                TarArchiveInputStream in = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                copied.put(e.getName(), e);
                contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertThat(copied).containsKeys("ctx/www/index.html", "ctx/bin/tool", "ctx/.dockerignore");
        assertThat(contents.get("ctx/www/index.html")).isEqualTo("<h1>hello</h1>\n");
        assertThat(copied.get("ctx/bin/tool").getMode() & 07777).isEqualTo(0755);
        assertThat(copied).doesNotContainKeys("ctx/secret.txt", "ctx/www/access.log", "ctx/" + dockerfileInTar);
        assertThat(copied.keySet()).noneMatch(name -> name.contains(ContextTar.DOCKERFILE_PREFIX));
        // the .dockerignore that was sent: the context's own, plus the line naming the added Dockerfile
        assertThat(contents.get("ctx/.dockerignore")).isEqualTo("secret.txt\n**/*.log\n\n" + dockerfileInTar + "\n");
        assertThat(scanned.entries()).extracting(ContextEntry::path)
                .containsExactly(".dockerignore", "bin", "bin/tool", "www", "www/index.html");
    }
}
