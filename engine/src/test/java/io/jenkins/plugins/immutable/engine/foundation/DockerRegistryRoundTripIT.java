package io.jenkins.plugins.immutable.engine.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation holds: through docker-java, the real daemon builds a {@code FROM scratch} image, pushes it
 * to the real registry, the push's digest is the one the registry serves, and a container started from
 * {@code repo@digest} serves the page.
 */
class DockerRegistryRoundTripIT {

    private final TestServices services = TestServices.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DockerClient docker;
    private String containerId;
    private String repository;

    @BeforeEach
    void connect() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(services.dockerHost()).build();
        var transport = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(services.dockerHost())).build();
        docker = DockerClientImpl.getInstance(config, transport);
        repository = services.registry() + "/foundation/hello-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (containerId != null) {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        }
        // By tag, not by id: images of other tests may share this one's layers.
        docker.removeImageCmd(repository + ":v1").exec();
        docker.close();
    }

    @Test
    void pushedDigestIsServedByTheRegistryAndRunsByDigest(@TempDir Path dir) throws Exception {
        String page = "hello from " + repository + "\n";
        Path context = SampleApp.write(dir.resolve("app"), page);

        String imageId = docker.buildImageCmd(context.toFile())
                .withTags(Set.of(repository + ":v1"))
                .exec(new BuildImageResultCallback())
                .awaitImageId();
        assertThat(imageId).isNotBlank();

        AtomicReference<String> pushedDigest = new AtomicReference<>();
        docker.pushImageCmd(repository).withTag("v1")
                .exec(new ResultCallback.Adapter<PushResponseItem>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                        if (item.getAux() != null && item.getAux().getDigest() != null) {
                            pushedDigest.set(item.getAux().getDigest());
                        }
                    }
                })
                .awaitCompletion();
        assertThat(pushedDigest.get()).matches("sha256:[0-9a-f]{64}");

        String path = repository.substring(services.registry().length() + 1);
        HttpResponse<Void> manifest = http.send(HttpRequest.newBuilder()
                        .uri(URI.create("http://" + services.registry() + "/v2/" + path + "/manifests/v1"))
                        .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                        .method("GET", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Docker-Content-Digest")).contains(pushedDigest.get());

        ExposedPort port = ExposedPort.tcp(SampleApp.PORT);
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIp("127.0.0.1"));
        containerId = docker.createContainerCmd(repository + "@" + pushedDigest.get())
                .withExposedPorts(port)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(bindings))
                .exec().getId();
        docker.startContainerCmd(containerId).exec();
        String hostPort = docker.inspectContainerCmd(containerId).exec()
                .getNetworkSettings().getPorts().getBindings().get(port)[0].getHostPortSpec();

        assertThat(getWithRetry(URI.create("http://127.0.0.1:" + hostPort + "/index.html"))).isEqualTo(page);
    }

    private String getWithRetry(URI uri) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (java.io.IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + uri + " within 5s", last);
    }
}
