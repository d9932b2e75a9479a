package io.jenkins.plugins.immutable.engine.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP exchange with a registry, on the JDK's blocking {@link HttpURLConnection}.
 *
 * <p>Not the JDK's {@code java.net.http.HttpClient}: that client starts a selector thread that waits in native code,
 * and the JVM's exit then waits up to 300 ms for it; it also loads the default TLS context and its trust store even
 * for a plain-HTTP registry. Both were a third of a replay's time. A registry exchange is a handful of small
 * requests, so a blocking connection (reused by the JDK's keep-alive cache) loses nothing.
 *
 * <p>Redirects are followed here, not by the connection: at most {@value #MAX_REDIRECTS}, never from HTTPS to HTTP,
 * and the {@code Authorization} header goes only to the host it was meant for (a registry that sends blobs to
 * object storage must not hand that storage its token).
 */
final class RegistryHttp {

    static final int MAX_REDIRECTS = 5;

    /** What the registry answered: status, headers (looked up case-insensitively), and the body when asked for. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        Reply {
            Map<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            anyCase.putAll(headers);
            headers = anyCase;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    /** A request: method, address, headers (Authorization among them, if any), and a body for PUT and POST. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
        static Request of(String method, URI uri) {
            return new Request(method, uri, new LinkedHashMap<>(), null);
        }

        Request header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        Request body(byte[] content) {
            return new Request(method, uri, headers, content);
        }
    }

    private final Duration timeout;

    RegistryHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends the request, following redirects; reads the body unless the method is HEAD. */
    Reply send(Request request) throws IOException {
        Request current = request;
        for (int hop = 0; ; hop++) {
            Reply reply = once(current);
            Optional<String> location = reply.header("Location");
            if (!isRedirect(reply.status()) || location.isEmpty() || hop == MAX_REDIRECTS) {
                return reply;
            }
            current = redirected(current, reply.status(), current.uri().resolve(location.get()));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The request to send to {@code target}; 303 turns it into a GET, as browsers and the JDK's client do. */
    static Request redirected(Request from, int status, URI target) throws IOException {
        if ("https".equalsIgnoreCase(from.uri().getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new IOException("the registry redirected " + from.uri().getAuthority() + " from HTTPS to " + target.getScheme()
                    + "://" + target.getAuthority() + ", which this tool does not follow");
        }
        Map<String, String> headers = new LinkedHashMap<>(from.headers());
        if (!sameOrigin(from.uri(), target)) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
        }
        boolean toGet = status == 303 && !from.method().equals("HEAD");
        return new Request(toGet ? "GET" : from.method(), target, headers, toGet ? null : from.body());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Reply once(Request request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis());
            connection.setReadTimeout(millis());
            connection.setRequestMethod(request.method());
            request.headers().forEach(connection::setRequestProperty);
            if (request.body() != null || request.method().equals("POST") || request.method().equals("PUT")) {
                // Buffered by the connection, not streamed: a streamed request that meets a 401 challenge throws
                // instead of answering it, and registry bodies (manifests, provenance) are small.
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.body() == null ? new byte[0] : request.body());
                }
            }
            int status = connection.getResponseCode();
            Map<String, String> headers = new LinkedHashMap<>();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null && !values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            byte[] body = request.method().equals("HEAD") ? new byte[0] : readBody(connection, status);
            return new Reply(status, headers, body);
        } catch (IOException e) {
            // a connection that failed half-way must not go back to the keep-alive cache
            connection.disconnect();
            throw e;
        }
    }

    /** Reads the whole body (an error's too), so the connection can be reused. */
    private static byte[] readBody(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in == null) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private int millis() {
        long millis = timeout.toMillis();
        return millis > Integer.MAX_VALUE ? 0 : (int) Math.max(1, millis);
    }
}
