package io.jenkins.plugins.immutable.engine.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who holds an environment's lock, as written into its lock file for whoever finds it taken.
 *
 * @param pid       the holding process
 * @param host      the machine it runs on
 * @param operation what it is doing ({@code deploy}, {@code rollback}, …)
 * @param since     when it took the lock
 */
public record LockHolder(long pid, String host, String operation, Instant since) {

    /** {@code pid 123 on host ci-7 (deploy since 2025-05-01T10:00:00Z, 42s ago)}. */
    public String describe(Instant now) {
        Duration ago = since == null ? null : Duration.between(since, now);
        return "pid " + pid + " on host " + host + " (" + operation + " since " + (since == null ? "an unknown time"
                : since.truncatedTo(ChronoUnit.SECONDS) + ", " + humanise(ago) + " ago") + ")";
    }

    private static String humanise(Duration d) {
        if (d.isNegative()) {
            return "0s";
        }
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + s % 60 + "s" : s / 3600 + "h" + s % 3600 / 60 + "m";
    }
}
