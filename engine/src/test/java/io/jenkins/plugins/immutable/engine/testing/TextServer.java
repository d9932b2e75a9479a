package io.jenkins.plugins.immutable.engine.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny application behind a router in tests: a JDK HTTP server on a free loopback port answering {@code 200}
 * and a fixed text to every request, keep-alive like any HTTP/1.1 server. {@code /slow?ms=N} answers after
 * {@code N} milliseconds, and {@code /held} once the test calls {@link #release()}: to keep a request in flight.
 */
public final class TextServer implements AutoCloseable {

    static {
        // The JDK server writes the headers and the body of a response in two segments; without TCP_NODELAY the
        // second waits for the client's delayed ACK, 40 ms per request on a kept-alive connection. The property is
        // read once, when the first HttpServer of the JVM is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final java.util.concurrent.CountDownLatch gate;

    private TextServer(HttpServer server, ExecutorService executor, java.util.concurrent.CountDownLatch gate) {
        this.gate = gate;
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server answering {@code text}. */
    public static TextServer start(String text) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        // The default executor is one thread: a slow request would hold up every other one.
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "text-server-" + text);
            thread.setDaemon(true);
            return thread;
        });
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/", exchange -> answer(exchange, body, gate));
        server.setExecutor(executor);
        server.start();
        return new TextServer(server, executor, gate);
    }

    /** Lets every request to {@code /held} (held until now) be answered, and every later one at once. */
    public void release() {
        gate.countDown();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(HttpExchange exchange, byte[] body, java.util.concurrent.CountDownLatch gate) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getQuery();
            if (exchange.getRequestURI().getPath().equals("/slow") && query != null && query.startsWith("ms=")) {
                Thread.sleep(Long.parseLong(query.substring(3)));
            }
            if (exchange.getRequestURI().getPath().equals("/held")) {
                gate.await();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
