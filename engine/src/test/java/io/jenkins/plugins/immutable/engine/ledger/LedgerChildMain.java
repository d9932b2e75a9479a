package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Another process using the same ledger (a folder, or a database URL), for the tests that need one (a second JVM is
 * the only way to test OS file locks, leases and kills). Started by {@link ChildJvm}; speaks in lines on stdout.
 *
 * <ul>
 * <li>{@code append DIR SEED COUNT}: prints READY, waits for a line on stdin, appends COUNT releases, prints DONE</li>
 * <li>{@code append-forever DIR SEED}: appends releases (and writes state SEED) until killed, printing APPENDED n after
 * each</li>
 * <li>{@code write-state DIR ENV}: writes ever newer {@link Payload}s until killed; prints READY after the first</li>
 * <li>{@code hold-lock DIR ENV OPERATION}: takes the lock, prints LOCKED, releases it when a line arrives on stdin</li>
 * <li>{@code try-lock DIR ENV OPERATION}: prints ACQUIRED or FAILED and the message, and exits</li>
 * </ul>
 */
public final class LedgerChildMain {

    /**
     * A state that takes a while to write but little to serialise (one long string), so that a kill lands inside the
     * write far more often than inside the serialisation; {@link #whole()} tells a torn one.
     */
    public record Payload(long generation, String filler) {

        private static final int REPEATS = 200_000;

        static Payload of(long generation) {
            return new Payload(generation, ("g" + generation + ";").repeat(REPEATS));
        }

        boolean whole() {
            return filler.equals(("g" + generation + ";").repeat(REPEATS));
        }
    }

    private LedgerChildMain() {
    }

    public static void main(String[] args) throws Exception {
        // A folder or a database URL, as --state takes it; a database's password comes from PGPASSWORD, inherited.
        Ledger ledger = Ledger.open(LedgerLocation.parse(args[1], "state"), Clock.systemUTC(), System.getenv(), note -> { });
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "append" -> {
                say("READY");
                stdin.readLine();
                int count = Integer.parseInt(args[3]);
                for (int i = 0; i < count; i++) {
                    ledger.recordRelease(Samples.release(args[2], i, Integer.MAX_VALUE));
                }
                say("DONE");
            }
            case "append-forever" -> {
                say("READY");
                for (int i = 0; ; i++) {
                    ledger.recordRelease(Samples.release(args[2], i, Integer.MAX_VALUE));
                    ledger.writeState(args[2], Payload.of(i));
                    say("APPENDED " + i);
                }
            }
            case "write-state" -> {
                ledger.writeState(args[2], Payload.of(0));
                say("READY");
                for (long generation = 1; ; generation++) {
                    ledger.writeState(args[2], Payload.of(generation));
                }
            }
            case "hold-lock" -> {
                try (EnvironmentLock lock = ledger.acquire(args[2], args[3])) {
                    say("LOCKED " + lock.takeoverNote().orElse(""));
                    stdin.readLine();
                }
                say("RELEASED");
            }
            case "try-lock" -> {
                try (EnvironmentLock lock = ledger.acquire(args[2], args[3])) {
                    say("ACQUIRED " + lock.takeoverNote().orElse(""));
                } catch (ReleaseException e) {
                    say("FAILED " + e.kind() + " " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
