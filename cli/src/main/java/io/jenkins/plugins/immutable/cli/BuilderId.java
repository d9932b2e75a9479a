package io.jenkins.plugins.immutable.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who builds, as provenance records it: {@code cli@<hostname>}. */
final class BuilderId {

    private BuilderId() {
    }

    static String of(CliContext context) {
        String host = context.env("HOSTNAME");
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                // a machine without a resolvable name still builds; provenance just says so
                host = "localhost";
            }
        }
        return "cli@" + host;
    }
}
