import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one command and times it; optionally also times when a router starts answering with a given page.
 *
 * <pre>
 * Timed --stdout F --stderr F [--url URL --from TEXT --expect TEXT] -- command args...
 * </pre>
 *
 * Prints one JSON line: the command's exit code, its wall time, its start and end (µs since the epoch, the clock
 * that wrk-record.lua uses), and with {@code --url}: {@code toRouterMs}, the time from the command's start to the
 * first answer of the router whose body's first line is {@code --expect}. Before the command starts, the poller must
 * see {@code --from} (the router serves the old page), so a benchmark never times a switch that already happened.
 * The command's stderr goes to {@code --stderr} with each line stamped with the ms since the start, which shows where
 * the time went. Every other answer while polling (another status, a refused connection, a third page) is counted by kind in
 * {@code unexpected}: after a correct switch there are none.
 */
public final class Timed {

    private static final long POLL_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: Timed --stdout F --stderr F [--url URL --from TEXT --expect TEXT] -- command...");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Timed: no command after --");
        }
        Poller poller = options.containsKey("url")
                ? new Poller(URI.create(options.get("url")), options.get("from"), options.get("expect")) : null;
        if (poller != null) {
            poller.awaitFrom();
            poller.start();
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(new File(options.get("stdout")));
        long startEpochUs = epochMicros();
        long t0 = System.nanoTime();
        Process process = builder.start();
        Thread stderr = stamp(process.getErrorStream(), Path.of(options.get("stderr")), t0);
        int exit = process.waitFor();
        stderr.join();
        long t1 = System.nanoTime();
        long endEpochUs = epochMicros();
        StringBuilder json = new StringBuilder("{\"exit\":").append(exit)
                .append(",\"commandMs\":").append(String.format("%.1f", (t1 - t0) / 1e6))
                .append(",\"startEpochUs\":").append(startEpochUs)
                .append(",\"endEpochUs\":").append(endEpochUs);
        if (poller != null) {
            poller.join(TimeUnit.SECONDS.toMillis(exit == 0 ? 10 : 1));
            poller.stop = true;
            poller.join();
            json.append(",\"toRouterMs\":").append(poller.seenAt < 0 ? "null" : String.format("%.1f", (poller.seenAt - t0) / 1e6))
                    .append(",\"polls\":").append(poller.polls)
                    .append(",\"unexpected\":").append(poller.unexpectedJson());
        }
        System.out.println(json.append('}'));
    }

    /** Copies the command's stderr to {@code file}, each line prefixed with the ms since the command started. */
    private static Thread stamp(InputStream in, Path file, long t0) {
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.write(String.format("[+%7.1f ms] %s%n", (System.nanoTime() - t0) / 1e6, line));
                }
                out.write(String.format("[+%7.1f ms] (end of output)%n", (System.nanoTime() - t0) / 1e6));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "stderr");
        copier.start();
        return copier;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Polls the router with one short HTTP/1.1 request per connection, as a new client would. */
    private static final class Poller extends Thread {
        private final String host;
        private final int port;
        private final String path;
        private final String from;
        private final String expect;
        private final Map<String, Integer> unexpected = new TreeMap<>();
        volatile long seenAt = -1;
        volatile boolean stop;
        int polls;

        Poller(URI url, String from, String expect) {
            super("poller");
            if (expect == null) {
                throw new IllegalArgumentException("Timed: --url needs --expect");
            }
            this.host = url.getHost();
            this.port = url.getPort();
            this.path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            this.from = from;
            this.expect = expect;
            setDaemon(true);
        }

        /** The router must serve the old page before the command starts. */
        void awaitFrom() throws InterruptedException {
            if (from == null) {
                return;
            }
            String last = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                last = get();
                if (last.equals("200 " + from)) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("Timed: before the command, " + host + ":" + port + path + " answers '" + last
                    + "', not '200 " + from + "'");
        }

        @Override
        public void run() {
            while (!stop) {
                String answer = get();
                long at = System.nanoTime();
                polls++;
                if (answer.equals("200 " + expect)) {
                    seenAt = at;
                    return;
                }
                if (!answer.equals("200 " + from)) {
                    unexpected.merge(answer, 1, Integer::sum);
                }
                LockSupport.parkNanos(POLL_PAUSE_NANOS);
            }
        }

        /** "STATUS first-line-of-body", or "error: …". */
        private String get() {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(2000);
                socket.connect(new InetSocketAddress(host, port), 2000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                String[] statusLine = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ");
                String status = statusLine.length > 1 ? statusLine[1] : "no-status";
                String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
                int eol = body.indexOf('\n');
                return status + " " + (eol < 0 ? body : body.substring(0, eol)).strip();
            } catch (IOException e) {
                return "error: " + e.getClass().getSimpleName();
            }
        }

        String unexpectedJson() {
            StringBuilder json = new StringBuilder("{");
            unexpected.forEach((answer, n) -> json.append(json.length() > 1 ? "," : "")
                    .append('"').append(answer.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(n));
            return json.append('}').toString();
        }
    }
}
