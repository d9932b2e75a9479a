package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerDetails;
import io.jenkins.plugins.immutable.engine.docker.ImageConfig;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Kind#CONFIG}: each of the engine's containers against what the engine creates. The engine sets no env,
 * command or entrypoint of its own, so those must be the image's; it publishes only the container port, on
 * 127.0.0.1; it sets {@code unless-stopped} once the health gate passed; the read-only root and tmpfs follow the
 * settings; and the settings label must be the fingerprint of the environment's settings now.
 */
final class ConfigCheck implements Check {

    static final String RESTART_POLICY = "unless-stopped";

    @Override
    public List<DriftFinding> check(Target target) throws ReleaseException {
        List<DriftFinding> findings = new ArrayList<>();
        for (Target.Known known : target.known()) {
            check(target, known, findings);
        }
        return findings;
    }

    private static void check(Target target, Target.Known known, List<DriftFinding> findings) throws ReleaseException {
        ContainerDetails c = known.container();
        EnvironmentSettings settings = target.settings();
        Optional<ImageConfig> image = target.docker().imageConfig(known.labels().ref().toString());
        Finder add = (what, expected, found) -> findings.add(new DriftFinding(Kind.CONFIG, known.colour(), c.name(), what,
                expected, found));
        if (image.isPresent()) {
            List<String> added = c.env().stream().filter(e -> !image.get().env().contains(e)).sorted().toList();
            List<String> missing = image.get().env().stream().filter(e -> !c.env().contains(e)).sorted().toList();
            if (!added.isEmpty() || !missing.isEmpty()) {
                add.found("env", "the image's env" + (missing.isEmpty() ? "" : ", with " + String.join(" ", missing)),
                        added.isEmpty() ? "without " + String.join(" ", missing) : "also " + String.join(" ", added));
            }
            if (!c.cmd().equals(image.get().cmd())) {
                add.found("command", words(image.get().cmd()), words(c.cmd()));
            }
            if (!c.entrypoint().equals(image.get().entrypoint())) {
                add.found("entrypoint", words(image.get().entrypoint()), words(c.entrypoint()));
            }
        }
        String port = settings.containerPort() + "/tcp";
        Map<String, List<String>> published = c.published();
        boolean portsAsStarted = published.keySet().equals(java.util.Set.of(port))
                && published.get(port).stream().allMatch(b -> b.startsWith("127.0.0.1:"));
        if (!portsAsStarted) {
            add.found("published ports", port + " on 127.0.0.1", published.isEmpty() ? "none" : published.toString());
        }
        if (!RESTART_POLICY.equals(c.restartPolicy())) {
            add.found("restart policy", RESTART_POLICY, c.restartPolicy());
        }
        if (c.readOnlyRoot() != settings.readOnly()) {
            add.found("read-only root", Boolean.toString(settings.readOnly()), Boolean.toString(c.readOnlyRoot()));
        }
        List<String> tmpfs = settings.readOnly() ? settings.writablePaths().stream().sorted().toList() : List.of();
        if (!c.tmpfs().equals(tmpfs)) {
            add.found("tmpfs", Check.shortList(tmpfs, 10), Check.shortList(c.tmpfs(), 10));
        }
        String fingerprint = TargetLabels.fingerprint(settings);
        String label = c.labels().get(TargetLabels.SETTINGS);
        if (!fingerprint.equals(label)) {
            add.found("settings fingerprint (started with other settings)", fingerprint, label == null ? "no label" : label);
        }
    }

    private static String words(List<String> values) {
        return values.isEmpty() ? "none" : "[" + String.join(" ", values) + "]";
    }

    @FunctionalInterface
    private interface Finder {
        void found(String what, String expected, String found);
    }
}
