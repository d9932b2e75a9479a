package io.jenkins.plugins.immutable.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.SwarmCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-node Swarm of {@code scripts/cluster} works the way the Swarm platform will use it, through docker-java
 * against the manager: an image built there and pushed to the cluster's registry runs by digest as a service of three
 * replicas, endpoint mode dnsrr, each published in host mode on a dynamic port (two replicas on one node, or the blue
 * and the green service, never collide) that answers on its node's address; a worker killed goes Down and its replica
 * is rescheduled onto the others; revived, the worker is Ready again.
 */
class SwarmClusterIT {

    private static final Duration TASKS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESCHEDULE_TIMEOUT = Duration.ofSeconds(90);

    private final SwarmCluster cluster = SwarmCluster.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String name = "it-swarm-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Integer> killed = new HashSet<>();
    private DockerClient docker;
    private DockerHttpClient api;
    private String tag;

    /** A running task of the service: where it answers. */
    private record Replica(String taskId, String nodeId, String address, int port) {
        URI page() {
            return URI.create("http://" + address + ":" + port + "/index.html");
        }
    }

    @BeforeEach
    void connect() {
        docker = cluster.managerClient();
        api = cluster.managerHttp();
    }

    @AfterEach
    void cleanUp() throws IOException {
        try {
            // A failed test must not leave a node down for the tests after it.
            for (int n : killed) {
                cluster.reviveNode(n);
            }
            if (docker.listServicesCmd().withNameFilter(List.of(name)).exec().stream().anyMatch(s -> name.equals(s.getSpec().getName()))) {
                docker.removeServiceCmd(name).exec();
            }
            if (tag != null) {
                // Forced: the removed service's last container on the manager may still hold the image; this only untags it.
                docker.removeImageCmd(tag).withForce(true).exec();
            }
        } finally {
            docker.close();
            api.close();
        }
    }

    @Test
    void theThreeNodesAreReadyWithNode1TheOnlyManager() {
        List<SwarmNode> nodes = docker.listSwarmNodesCmd().exec();

        assertThat(nodes).hasSize(3).allSatisfy(n -> assertThat(n.getStatus().getState()).as(n.getDescription().getHostname())
                .isEqualTo(SwarmNodeState.READY));
        assertThat(nodes).extracting(n -> n.getStatus().getAddress()).containsExactlyInAnyOrderElementsOf(cluster.nodeAddresses());
        assertThat(nodes).filteredOn(n -> n.getSpec().getRole() == SwarmNodeRole.MANAGER)
                .extracting(n -> n.getStatus().getAddress()).containsExactly(cluster.nodeAddress(SwarmCluster.MANAGER));
    }

    @Test
    void aServiceOfThreeReplicasAnswersOnEachNodeAndOutlivesALostWorker(@TempDir Path dir) throws Exception {
        String page = "swarm " + name + "\n";
        String ref = buildAndPush(dir, page);
        assertThat(ref).startsWith(cluster.registry() + "/").containsPattern("@sha256:[0-9a-f]{64}$");

        docker.createServiceCmd(serviceSpec(ref, 3)).exec();
        List<Replica> replicas = awaitReplicas(3, Set.of(), page, TASKS_TIMEOUT);
        assertThat(replicas).extracting(Replica::address).allSatisfy(a -> assertThat(cluster.nodeAddresses()).contains(a));
        assertThat(replicas).extracting(Replica::port).allSatisfy(p -> assertThat(p).isPositive());

        Replica lost = replicas.stream().filter(r -> !r.address().equals(cluster.nodeAddress(SwarmCluster.MANAGER))).findFirst()
                .orElseThrow(() -> new AssertionError("no replica on a worker: " + replicas));
        int worker = cluster.nodeAddresses().indexOf(lost.address()) + 1;

        long killedAt = System.nanoTime();
        cluster.killNode(worker);
        killed.add(worker);
        awaitNodeState(lost.nodeId(), SwarmNodeState.DOWN, DOWN_TIMEOUT);
        long downMillis = (System.nanoTime() - killedAt) / 1_000_000;
        List<Replica> after = awaitReplicas(3, Set.of(lost.nodeId()), page, RESCHEDULE_TIMEOUT);
        long rescheduledMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("SwarmClusterIT: node%d killed; Down after %d ms; 3 replicas answering again after %d ms%n",
                worker, downMillis, rescheduledMillis);

        assertThat(after).extracting(Replica::nodeId).doesNotContain(lost.nodeId());
        assertThat(after).extracting(Replica::taskId).doesNotContain(lost.taskId());
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(lost.page()).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()))
                .as("the lost node's replica is gone with it").isInstanceOf(IOException.class);

        cluster.reviveNode(worker);
        killed.remove(worker);
        assertThat(nodeState(lost.nodeId())).isEqualTo(SwarmNodeState.READY);
    }

    private String buildAndPush(Path dir, String page) throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), page);
        String repository = cluster.registry() + "/it-swarm/" + name;
        tag = repository + ":v1";
        docker.buildImageCmd(context.toFile()).withTags(Set.of(tag)).withPull(false).exec(new BuildImageResultCallback()).awaitImageId();
        AtomicReference<String> digest = new AtomicReference<>();
        docker.pushImageCmd(repository).withTag("v1").exec(new ResultCallback.Adapter<PushResponseItem>() {
            @Override
            public void onNext(PushResponseItem item) {
                if (item.getAux() != null && item.getAux().getDigest() != null) {
                    digest.set(item.getAux().getDigest());
                }
            }
        }).awaitCompletion();
        assertThat(digest.get()).as("the push's digest").isNotNull();
        return repository + "@" + digest.get();
    }

    private ServiceSpec serviceSpec(String ref, int replicas) {
        // Published port 0: Swarm picks a free port on each task's node, so replicas never collide.
        PortConfig port = new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(SampleApp.PORT)
                .withPublishMode(PortConfig.PublishMode.host);
        return new ServiceSpec().withName(name).withLabels(Map.of("immutable.test", getClass().getSimpleName()))
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(ref)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)))
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR).withPorts(List.of(port)));
    }

    /** Waits until exactly {@code count} tasks run off {@code excludedNodes} and each serves {@code page}. */
    private List<Replica> awaitReplicas(int count, Set<String> excludedNodes, String page, Duration timeout) throws Exception {
        List<Replica> last = List.of();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            last = runningReplicas().stream().filter(r -> !excludedNodes.contains(r.nodeId())).toList();
            if (last.size() == count && last.stream().allMatch(r -> page.equals(get(r.page())))) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not " + count + " replicas of " + name + " serving the page within " + timeout.toSeconds()
                + " s; running: " + last + "; nodes: " + nodeStates());
    }

    private void awaitNodeState(String nodeId, SwarmNodeState wanted, Duration timeout) throws InterruptedException {
        await(() -> nodeState(nodeId) == wanted, timeout, () -> "node " + nodeId + " not " + wanted + "; nodes: " + nodeStates());
    }

    private SwarmNodeState nodeState(String nodeId) {
        return docker.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().stream().findFirst()
                .orElseThrow(() -> new AssertionError("node " + nodeId + " left the swarm")).getStatus().getState();
    }

    private String nodeStates() {
        return docker.listSwarmNodesCmd().exec().stream()
                .map(n -> n.getDescription().getHostname() + "=" + n.getStatus().getState()).collect(Collectors.joining(", "));
    }

    /**
     * The service's tasks in state running with a host-mode published port, read from the raw API: docker-java's
     * {@code TaskStatus} has no {@code PortStatus}.
     */
    private List<Replica> runningReplicas() throws IOException {
        Map<String, String> addresses = docker.listSwarmNodesCmd().exec().stream()
                .collect(Collectors.toMap(SwarmNode::getId, n -> n.getStatus().getAddress()));
        String filters = "{\"service\":[\"" + name + "\"],\"desired-state\":[\"running\"]}";
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/tasks?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8)).build();
        List<Replica> replicas = new ArrayList<>();
        try (DockerHttpClient.Response response = api.execute(request); InputStream body = response.getBody()) {
            JsonNode tasks = json.readTree(body);
            assertThat(response.getStatusCode()).as("GET /tasks: %s", tasks).isEqualTo(200);
            for (JsonNode task : tasks) {
                hostPort(task).filter(p -> "running".equals(task.path("Status").path("State").asText()))
                        .ifPresent(p -> replicas.add(new Replica(task.path("ID").asText(), task.path("NodeID").asText(),
                                addresses.get(task.path("NodeID").asText()), p)));
            }
        }
        return replicas;
    }

    private static Optional<Integer> hostPort(JsonNode task) {
        for (JsonNode port : task.path("Status").path("PortStatus").path("Ports")) {
            if ("host".equals(port.path("PublishMode").asText()) && port.path("TargetPort").asInt() == SampleApp.PORT) {
                return Optional.of(port.path("PublishedPort").asInt());
            }
        }
        return Optional.empty();
    }

    /** The body of a 200 answer, or null. */
    private String get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(failure.get() + " within " + timeout.toSeconds() + " s");
    }
}
