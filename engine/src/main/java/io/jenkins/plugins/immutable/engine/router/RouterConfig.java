package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;

/**
 * What {@code immutable router-config} prints: the HAProxy {@code backend} section the engine drives for given
 * settings, ready to paste into haproxy.cfg, with the two lines it needs elsewhere (the admin-level runtime API in
 * {@code global}, and the frontend naming the backend) as comments. One server slot per colour on a Docker host
 * ({@code blue}, {@code green}); one per replica per colour on a Swarm ({@code blue1}…, {@code green1}…).
 */
public final class RouterConfig {

    /** Where the runtime API is shown when none is given yet. */
    static final String EXAMPLE_SOCKET = "/run/haproxy/admin.sock";

    private RouterConfig() {
    }

    /** The section for an environment's stored settings. */
    public static String render(String environment, EnvironmentSettings settings) {
        return render(environment, settings.platformName(), settings.replicaCount(), settings.haproxyBackend(), settings.router());
    }

    /**
     * @param environment the environment's name, or {@code null} before its first deploy
     * @param platform    {@code docker} or {@code swarm}
     * @param replicas    replicas per colour on a Swarm (1 on a Docker host)
     * @param router      HAProxy's runtime API, or {@code null} when not given yet (an example path is shown)
     */
    public static String render(String environment, String platform, int replicas, String backend, HaproxyAddress router) {
        boolean swarm = EnvironmentSettings.SWARM.equals(platform);
        ServerSlots slots = swarm ? new ServerSlots(replicas) : ServerSlots.SINGLE;
        StringBuilder text = new StringBuilder();
        text.append("# HAProxy backend for ").append(environment == null ? "a new environment" : "environment '" + environment + "'")
                .append(swarm ? " on a Docker Swarm, " + replicas + " replica(s) per colour: a server per replica, each set to"
                        + " its node's address and published port at deploy time."
                        : " on one Docker host: a server per colour, set to the colour's loopback port at deploy time.")
                .append('\n');
        text.append("# Needed in haproxy.cfg besides this section (then reload HAProxy once; the engine never reloads it):\n");
        text.append("#   global:    ").append(statsSocket(router)).append('\n');
        text.append("#   frontend:  default_backend ").append(backend).append('\n');
        text.append("# Every server starts disabled at 127.0.0.1:1; HAProxy's own health checks stay off (the engine checks"
                + " each colour before traffic moves).\n");
        String section = HaproxyConfig.backendSection(backend, slots);
        int firstLine = section.indexOf('\n') + 1;
        // HTTP mode: HAProxy balances every request, also those on a kept-alive connection, so a client follows a switch.
        text.append(section, 0, firstLine).append("    mode http\n").append(section.substring(firstLine));
        return text.toString();
    }

    /** The {@code stats socket} line that gives the engine HAProxy's runtime API at admin level. */
    static String statsSocket(HaproxyAddress router) {
        if (router == null) {
            return "stats socket " + EXAMPLE_SOCKET + " mode 600 level admin";
        }
        if (router.isTcp()) {
            String hostPort = router.toString().substring("tcp://".length());
            return "stats socket ipv4@" + hostPort + " level admin";
        }
        return "stats socket " + router.socket() + " mode 600 level admin";
    }
}
