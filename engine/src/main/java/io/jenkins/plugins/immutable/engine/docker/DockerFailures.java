package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/** Turns docker-java's unchecked failures into messages that say what was attempted, against which daemon, and why. */
final class DockerFailures {

    private DockerFailures() {
    }

    static ReleaseException translate(String host, String attempted, RuntimeException e) {
        SSLException tls = tlsCause(e);
        if (tls != null) {
            return new ComponentUnreachableException(Component.DOCKER_DAEMON, host, "Tried to " + attempted
                    + " on the Docker daemon at " + host + " but TLS failed: " + tlsReason(tls) + ". " + TLS_REMEDY + ".", e);
        }
        if (e instanceof DockerException docker && docker.getHttpStatus() == 400
                && String.valueOf(docker.getMessage()).contains("HTTP request to an HTTPS server")) {
            return new ComponentUnreachableException(Component.DOCKER_DAEMON, host, "Tried to " + attempted
                    + " on the Docker daemon at " + host + " but it speaks TLS only and was spoken to without TLS. "
                    + TLS_REMEDY + ".", e);
        }
        Throwable io = ioCause(e);
        if (io != null) {
            String why = io instanceof SocketTimeoutException ? "it did not answer in time" : "it could not be reached (" + rootMessage(io) + ")";
            if (host.startsWith("tcp://") && rootMessage(io).contains("Connection reset")) {
                // A daemon started with --tlsverify resets a plain connection once it sees no TLS handshake.
                return new ComponentUnreachableException(Component.DOCKER_DAEMON, host, "Tried to " + attempted
                        + " on the Docker daemon at " + host + " but it reset the connection (" + rootMessage(io) + "): a daemon"
                        + " that speaks TLS only does that to a plain connection. " + TLS_REMEDY
                        + "; otherwise check that dockerd runs there.", e);
            }
            return new ComponentUnreachableException(Component.DOCKER_DAEMON, host,
                    "Tried to " + attempted + " on the Docker daemon at " + host + " but " + why
                            + ". Start dockerd, or point --docker-host / DOCKER_HOST at a running daemon.", e);
        }
        if (e instanceof DockerException docker) {
            return new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + attempted + " on the Docker daemon at " + host
                    + " but it answered " + docker.getHttpStatus() + ": " + firstLine(daemonMessage(docker)), e);
        }
        return new ReleaseException(Kind.FAILED_SAFELY,
                "Tried to " + attempted + " on the Docker daemon at " + host + " but failed: " + firstLine(rootMessage(e)), e);
    }

    static final String TLS_REMEDY = "Give --docker-tls-verify and --docker-cert-path (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH) a folder"
            + " whose ca.pem is the CA that signed the daemon's certificate and whose cert.pem and key.pem are a client"
            + " certificate signed by the CA the daemon's --tlscacert names";

    static SSLException tlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    /** What went wrong in the handshake, in words: the JDK's messages name its internals, not the certificates. */
    static String tlsReason(SSLException e) {
        String all = chain(e);
        if (all.contains("PKIX path") || all.contains("unable to find valid certification path")
                || all.contains("signature check failed") || all.contains("Path does not chain")) {
            return "the daemon's certificate is not signed by the CA in ca.pem (" + rootMessage(e) + ")";
        }
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return "the daemon's certificate does not name the address it was reached at (" + rootMessage(e) + ")";
        }
        if (all.contains("bad_certificate") || all.contains("unknown_ca") || all.contains("certificate_required")
                || all.contains("certificate_unknown")) {
            return "the daemon refused the client certificate cert.pem (" + rootMessage(e) + ")";
        }
        if (all.contains("Unsupported or unrecognized SSL message") || all.contains("plaintext connection")) {
            return "the daemon does not speak TLS on that port (" + rootMessage(e) + ")";
        }
        if (all.contains("certificate_expired") || all.contains("NotAfter") || all.contains("validity check failed")) {
            return "a certificate has expired or is not valid yet (" + rootMessage(e) + ")";
        }
        return rootMessage(e);
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** docker-java puts the daemon's JSON body in the message: keep the human part. */
    static String daemonMessage(DockerException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int start = message.indexOf("\"message\":\"");
        if (start >= 0) {
            int from = start + "\"message\":\"".length();
            int end = message.indexOf('"', from);
            return end > from ? message.substring(from, end) : message.substring(from);
        }
        return message.strip();
    }

    static Throwable ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
            if (t.getClass().getName().equals("com.sun.jna.LastErrorException")) {
                return t;
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
