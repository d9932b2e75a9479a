package io.jenkins.plugins.immutable.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SwarmGateway} over the Engine API through docker-java's HTTP transport, in plain JSON: docker-java's model
 * has no task {@code PortStatus}, which is where a host-mode published port is reported, and its service update
 * sends no {@code X-Registry-Auth}.
 */
final class DockerApiSwarm implements SwarmGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final DockerHttpClient http;

    DockerApiSwarm(String host, DockerHttpClient http) {
        this.host = host;
        this.http = http;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void createService(ContainerSpec spec, int replicas, RegistryCredentials credentials) throws ReleaseException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Name", spec.name());
        body.set("Labels", JSON.valueToTree(spec.labels()));
        ObjectNode task = body.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", spec.image().toString());
        container.set("Labels", JSON.valueToTree(spec.labels()));
        container.put("ReadOnly", spec.readOnly());
        if (spec.readOnly()) {
            ArrayNode mounts = container.putArray("Mounts");
            spec.writablePaths().forEach(p -> mounts.addObject().put("Type", "tmpfs").put("Target", p));
        }
        // Swarm replaces a replica that dies; the health gate still fails when one dies while it runs.
        task.putObject("RestartPolicy").put("Condition", "any").put("Delay", 1_000_000_000L);
        // One replica per node first: a lost node then takes as few replicas with it as the node count allows.
        task.putObject("Placement").putArray("Preferences").addObject().putObject("Spread").put("SpreadDescriptor", "node.id");
        body.putObject("Mode").putObject("Replicated").put("Replicas", replicas);
        ObjectNode endpoint = body.putObject("EndpointSpec");
        // No VIP and no ingress mesh (this kernel has no IPVS): the router reaches each task at its node's address.
        endpoint.put("Mode", "dnsrr");
        endpoint.putArray("Ports").addObject().put("Protocol", "tcp").put("TargetPort", spec.containerPort())
                .put("PublishMode", "host");
        call("POST", "/services/create", body, auth(spec.image().registry(), credentials), "create service " + spec.name()
                + " from " + spec.image());
    }

    @Override
    public Optional<ContainerInfo> inspectService(String name) throws ReleaseException {
        Optional<JsonNode> service = get("/services/" + encode(name), "inspect service " + name);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toInfo(service.get(), nodes()));
    }

    @Override
    public List<ContainerInfo> listServices(String key, String value) throws ReleaseException {
        JsonNode services = get("/services?filters=" + filter("label", key + "=" + value), "list the services labelled "
                + key + "=" + value).orElse(JSON.createArrayNode());
        List<ContainerInfo> found = new ArrayList<>();
        Map<String, JsonNode> nodes = services.isEmpty() ? Map.of() : nodes();
        for (JsonNode service : services) {
            found.add(toInfo(service, nodes));
        }
        return found;
    }

    @Override
    public void labelService(String name, String key, String value, RegistryCredentials credentials) throws ReleaseException {
        JsonNode service = get("/services/" + encode(name), "inspect service " + name).orElseThrow(() -> new ReleaseException(
                Kind.FAILED_SAFELY, "Tried to label service " + name + " on " + host + " but it no longer exists"));
        ObjectNode spec = (ObjectNode) service.get("Spec").deepCopy();
        ObjectNode labels = spec.has("Labels") && spec.get("Labels").isObject() ? (ObjectNode) spec.get("Labels") : spec.putObject("Labels");
        labels.put(key, value);
        long version = service.path("Version").path("Index").asLong();
        String image = spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
        call("POST", "/services/" + service.get("ID").asText() + "/update?version=" + version, spec,
                auth(registryOf(image), credentials), "label service " + name);
    }

    @Override
    public void removeService(String name) throws ReleaseException {
        call("DELETE", "/services/" + encode(name), null, Map.of(), "remove service " + name);
    }

    @Override
    public String taskErrors(String name) throws ReleaseException {
        List<String> errors = new ArrayList<>();
        for (JsonNode task : tasks(name)) {
            String err = task.path("Status").path("Err").asText("");
            if (!err.isEmpty()) {
                errors.add("task " + task.path("Slot").asText() + ": " + err);
            }
        }
        return String.join("; ", errors);
    }

    @Override
    public Optional<String> createConfig(String name, Map<String, String> labels) throws ReleaseException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Name", name);
        body.set("Labels", JSON.valueToTree(labels));
        // A config must hold data; the lock's meaning is in its name and labels, so a fixed word does.
        body.put("Data", Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)));
        Reply reply = send("POST", "/configs/create", body, Map.of(), "create config " + name);
        if (reply.status() == 409) {
            return Optional.empty();
        }
        return Optional.of(reply.checked("create config " + name).path("ID").asText());
    }

    @Override
    public Optional<ContainerInfo> inspectConfig(String name) throws ReleaseException {
        JsonNode configs = get("/configs?filters=" + filter("name", name), "list the configs named " + name)
                .orElse(JSON.createArrayNode());
        for (JsonNode config : configs) {
            // The name filter matches prefixes too: only the exact name is this lock.
            if (name.equals(config.path("Spec").path("Name").asText())) {
                return Optional.of(configInfo(config));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ContainerInfo> listConfigs(String key, String value) throws ReleaseException {
        JsonNode configs = get("/configs?filters=" + filter("label", key + "=" + value), "list the configs labelled " + key + "="
                + value).orElse(JSON.createArrayNode());
        List<ContainerInfo> found = new ArrayList<>();
        configs.forEach(c -> found.add(configInfo(c)));
        return found;
    }

    @Override
    public void removeConfig(String idOrName) throws ReleaseException {
        call("DELETE", "/configs/" + encode(idOrName), null, Map.of(), "remove config " + idOrName);
    }

    private static ContainerInfo configInfo(JsonNode config) {
        return new ContainerInfo(config.path("ID").asText(), config.path("Spec").path("Name").asText(), false, 0, 0, "",
                labels(config.path("Spec").path("Labels")), "no", List.of(), 0);
    }

    private ContainerInfo toInfo(JsonNode service, Map<String, JsonNode> nodes) throws ReleaseException {
        String name = service.path("Spec").path("Name").asText();
        Map<String, String> labels = labels(service.path("Spec").path("Labels"));
        int desired = service.path("Spec").path("Mode").path("Replicated").path("Replicas").asInt(0);
        List<Replica> replicas = new ArrayList<>();
        for (JsonNode task : tasks(name)) {
            // Tasks the manager still wants running: a replaced or removed one has desired state shutdown.
            if (!"running".equals(task.path("DesiredState").asText())) {
                continue;
            }
            JsonNode node = nodes.get(task.path("NodeID").asText(""));
            String nodeName = node == null ? task.path("NodeID").asText("unassigned")
                    : node.path("Description").path("Hostname").asText(task.path("NodeID").asText());
            String state = task.path("Status").path("State").asText("unknown");
            if (node != null && !"ready".equals(node.path("Status").path("State").asText())) {
                state = "node " + node.path("Status").path("State").asText();
            }
            Endpoint endpoint = null;
            int port = publishedPort(task);
            String address = node == null ? "" : node.path("Status").path("Addr").asText("");
            if (port > 0 && !address.isEmpty()) {
                endpoint = new Endpoint(address, port);
            }
            replicas.add(new Replica(task.path("ID").asText(), nodeName, endpoint, state));
        }
        replicas.sort(java.util.Comparator.comparing(r -> r.endpoint() == null ? "~" : r.endpoint().toString()));
        long running = replicas.stream().filter(Replica::running).count();
        boolean allRunning = desired > 0 && running == desired;
        int firstPort = replicas.stream().filter(Replica::running).findFirst().map(r -> r.endpoint().port()).orElse(0);
        return new ContainerInfo(service.path("ID").asText(), name, allRunning, 0, firstPort,
                service.path("Spec").path("TaskTemplate").path("ContainerSpec").path("Image").asText(), labels,
                labels.containsKey(ContainerInfo.HEALTH_GATE_PASSED) ? "unless-stopped" : "no", replicas, desired);
    }

    private static int publishedPort(JsonNode task) {
        for (JsonNode port : task.path("Status").path("PortStatus").path("Ports")) {
            if ("host".equals(port.path("PublishMode").asText()) && port.path("PublishedPort").asInt(0) > 0) {
                return port.get("PublishedPort").asInt();
            }
        }
        return 0;
    }

    private JsonNode tasks(String service) throws ReleaseException {
        return get("/tasks?filters=" + filter("service", service), "list the tasks of service " + service)
                .orElse(JSON.createArrayNode());
    }

    private Map<String, JsonNode> nodes() throws ReleaseException {
        Map<String, JsonNode> byId = new HashMap<>();
        get("/nodes", "list the Swarm's nodes").ifPresent(all -> all.forEach(n -> byId.put(n.path("ID").asText(), n)));
        return byId;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String filter(String key, String value) {
        return encode("{\"" + key + "\":[" + JSON.valueToTree(value) + "]}");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String registryOf(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? "docker.io" : image.substring(0, slash);
    }

    /** The {@code X-Registry-Auth} header for the registry, or none without credentials; never logged. */
    private static Map<String, String> auth(String registry, RegistryCredentials credentials) {
        if (credentials == null) {
            return Map.of();
        }
        ObjectNode auth = JSON.createObjectNode();
        auth.put("username", credentials.username());
        auth.put("password", credentials.password());
        auth.put("serveraddress", registry);
        return Map.of("X-Registry-Auth", Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<JsonNode> get(String path, String attempted) throws ReleaseException {
        Reply reply = send("GET", path, null, Map.of(), attempted);
        return reply.status() == 404 ? Optional.empty() : Optional.of(reply.checked(attempted));
    }

    private void call(String method, String path, JsonNode body, Map<String, String> headers, String attempted)
            throws ReleaseException {
        Reply reply = send(method, path, body, headers, attempted);
        if (!(method.equals("DELETE") && reply.status() == 404)) {
            reply.checked(attempted);
        }
    }

    private Reply send(String method, String path, JsonNode body, Map<String, String> headers, String attempted)
            throws ReleaseException {
        Request.Builder request = Request.builder().method(Request.Method.valueOf(method)).path(path).putAllHeaders(headers);
        if (body != null) {
            request.putHeader("Content-Type", "application/json").bodyBytes(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (DockerHttpClient.Response response = http.execute(request.build()); InputStream in = response.getBody()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(response.getStatusCode(), text, host, attempted);
        } catch (IOException e) {
            throw DockerFailures.translate(host, attempted, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, attempted, e);
        }
    }

    private record Reply(int status, String body, String host, String attempted) {

        JsonNode checked(String what) throws ReleaseException {
            if (status >= 300) {
                String message = body;
                try {
                    message = JSON.readTree(body).path("message").asText(body);
                } catch (IOException e) {
                    // not JSON: keep the text
                }
                if (status == 503 && message.contains("not a swarm manager") || message.contains("This node is not a swarm manager")) {
                    throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + what + " on " + host + " but that daemon is not a"
                            + " Swarm manager: point --docker-host at a manager of the Swarm (docker swarm init, or the"
                            + " cluster's DOCKER_HOST), or deploy with --platform docker.");
                }
                throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + what + " on the Swarm manager at " + host
                        + " but it answered " + status + ": " + DockerFailures.firstLine(message.strip()));
            }
            try {
                return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + what + " on " + host + " but could not read its answer: "
                        + e.getMessage(), e);
            }
        }
    }
}
