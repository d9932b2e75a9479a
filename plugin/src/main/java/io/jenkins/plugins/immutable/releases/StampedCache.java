package io.jenkins.plugins.immutable.releases;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Per-job values computed from build records, kept until the job's stamp changes (a new build, a new record) or they
 * grow older than a bound (a deleted build changes no stamp). A page view with nothing new costs no build load.
 *
 * @param <T> the computed value
 */
final class StampedCache<T> {

    private record Entry<T>(Object stamp, long computedAt, T value) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final LongSupplier clock;

    StampedCache(long maxAgeMillis, LongSupplier clock) {
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    T get(String key, Object stamp, Supplier<T> compute) {
        long now = clock.getAsLong();
        Entry<T> known = entries.get(key);
        if (known != null && Objects.equals(known.stamp(), stamp) && now - known.computedAt() < maxAgeMillis) {
            return known.value();
        }
        T value = compute.get();
        entries.put(key, new Entry<>(stamp, now, value));
        return value;
    }
}
