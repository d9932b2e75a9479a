package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;

/** Turns docker-java's unchecked failures into messages that say what was attempted, against which daemon, and why. */
final class DockerFailures {

    private DockerFailures() {
    }

    static ReleaseException translate(String host, String attempted, RuntimeException e) {
        Throwable io = ioCause(e);
        if (io != null) {
            String why = io instanceof SocketTimeoutException ? "it did not answer in time" : "it could not be reached (" + rootMessage(io) + ")";
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
