package io.jenkins.plugins.immutable.engine.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An environment's settings as one label on each container it starts, so that a machine whose ledger has never heard
 * of the environment (a new agent, a wiped workspace) can still promote, roll back or read it with only its name. The
 * Docker host is where the label was read, so it is not part of it, and neither is its TLS (the reader reached the host
 * with its own). Holds no secret: settings never do.
 */
public final class SettingsLabel {

    public static final String KEY = TargetLabels.PREFIX + "environment-settings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsLabel() {
    }

    public static String encode(EnvironmentSettings s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1);
        node.put("app", s.app());
        node.put("containerPort", s.containerPort());
        node.put("healthPath", s.healthPath());
        node.put("healthTimeout", s.healthTimeout().toString());
        node.put("haproxySocket", s.haproxySocket() == null ? null : s.haproxySocket().toString());
        node.put("haproxyBackend", s.haproxyBackend());
        node.put("manualPromotion", s.manualPromotion());
        node.put("keepPrevious", s.keepPrevious().toString());
        node.put("readOnly", s.readOnly());
        s.writablePaths().forEach(node.putArray("writablePaths")::add);
        if (s.requireSignature() || s.publicKey() != null) {
            // Only when set, like haproxyTcp: the label of an environment without them is as engines before them wrote it.
            node.put("requireSignature", s.requireSignature());
            node.put("publicKey", s.publicKey());
        }
        if (s.haproxyTcp() != null) {
            // Only when set, so the label of an environment on a unix socket reads as engines before TCP wrote it.
            node.put("haproxyTcp", s.haproxyTcp());
        }
        if (s.onSwarm()) {
            // Written only when set, so a Docker host environment's label stays as before.
            node.put("platform", s.platform());
            node.put("replicas", s.replicaCount());
        }
        if (s.canary() != null) {
            // Only when set, like haproxyTcp: a blue/green environment's label reads as engines before canaries wrote it.
            ObjectNode canary = node.putObject("canary");
            s.canary().steps().forEach(canary.putArray("steps")::add);
            canary.put("interval", s.canary().interval().toString());
            canary.put("maxErrorRate", s.canary().maxErrorRate());
            canary.put("maxP99", s.canary().maxP99() == null ? null : s.canary().maxP99().toString());
            canary.put("minRequests", s.canary().minRequests());
            canary.put("inconclusiveLimit", s.canary().inconclusiveLimit());
        }
        return node.toString();
    }

    private static CanarySettings canary(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        List<Integer> steps = new ArrayList<>();
        c.path("steps").forEach(n -> steps.add(n.asInt()));
        return new CanarySettings(steps, Duration.parse(c.get("interval").asText()), c.path("maxErrorRate").asDouble(),
                c.path("maxP99").isTextual() ? Duration.parse(c.get("maxP99").asText()) : null, c.path("minRequests").asInt(),
                c.path("inconclusiveLimit").asInt());
    }

    /** The settings a label holds, with the Docker host it was read from; empty when it is missing or unreadable. */
    public static Optional<EnvironmentSettings> decode(String label, String dockerHost) {
        if (label == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(label);
            List<String> writable = new ArrayList<>();
            n.path("writablePaths").forEach(p -> writable.add(p.asText()));
            String socket = n.path("haproxySocket").isTextual() ? n.get("haproxySocket").asText() : null;
            String tcp = n.path("haproxyTcp").isTextual() ? n.get("haproxyTcp").asText() : null;
            return Optional.of(new EnvironmentSettings(n.get("app").asText(), dockerHost, n.get("containerPort").asInt(),
                    n.get("healthPath").asText(), Duration.parse(n.get("healthTimeout").asText()),
                    socket == null || tcp != null ? null : Path.of(socket), n.get("haproxyBackend").asText(),
                    n.path("manualPromotion").asBoolean(), Duration.parse(n.get("keepPrevious").asText()),
                    n.path("readOnly").asBoolean(), writable, n.path("requireSignature").asBoolean(false),
                    n.path("publicKey").isTextual() ? n.get("publicKey").asText() : null, tcp, null, null,
                    canary(n.path("canary")), n.path("platform").isTextual() ? n.get("platform").asText() : null,
                    n.path("replicas").asInt(0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
