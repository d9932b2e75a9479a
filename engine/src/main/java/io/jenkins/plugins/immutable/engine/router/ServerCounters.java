package io.jenkins.plugins.immutable.engine.router;

/**
 * One server's cumulative counters from {@code show stat} (management guide 9.1), the figures a canary is judged on.
 * HAProxy keeps no per-server request total for HTTP answers, so {@link #requests()} is the sum of the response
 * classes.
 *
 * <p>Response time: HAProxy 2.6's {@code show stat} has no percentile. {@code rtime} is the average response time in
 * milliseconds over the server's last 1024 requests; the canary's "p99" figure is the highest {@code rtime} seen across
 * the short polls of a step (see {@code strategy.CanaryAnalysis}), a smoothed and lagging stand-in for a percentile,
 * stated as such wherever it is shown.
 *
 * @param hrsp1xx   {@code hrsp_1xx}
 * @param hrsp2xx   {@code hrsp_2xx}
 * @param hrsp3xx   {@code hrsp_3xx}
 * @param hrsp4xx   {@code hrsp_4xx}
 * @param hrsp5xx   {@code hrsp_5xx}: answers of the server with status 5xx
 * @param hrspOther {@code hrsp_other}: answers with another status
 * @param eresp     {@code eresp}: response errors (the server closed or answered garbage)
 * @param econ      {@code econ}: connection errors (the server refused or did not answer the connect)
 * @param rtime     {@code rtime}: average response time in ms over the last 1024 requests (0 when none)
 */
public record ServerCounters(long hrsp1xx, long hrsp2xx, long hrsp3xx, long hrsp4xx, long hrsp5xx, long hrspOther, long eresp,
        long econ, long rtime) {

    public static final ServerCounters ZERO = new ServerCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Answers of every class: the server's requests, as HAProxy counts none per server. */
    public long requests() {
        return hrsp1xx + hrsp2xx + hrsp3xx + hrsp4xx + hrsp5xx + hrspOther;
    }

    /** 5xx answers, response errors and connection errors. */
    public long errors() {
        return hrsp5xx + eresp + econ;
    }

    /**
     * What happened since {@code before} (an earlier reading of the same server); {@code rtime} is this reading's, as
     * it is an average, not a counter. A counter that went down (HAProxy restarted) counts from zero.
     */
    public ServerCounters since(ServerCounters before) {
        return new ServerCounters(delta(hrsp1xx, before.hrsp1xx), delta(hrsp2xx, before.hrsp2xx), delta(hrsp3xx, before.hrsp3xx),
                delta(hrsp4xx, before.hrsp4xx), delta(hrsp5xx, before.hrsp5xx), delta(hrspOther, before.hrspOther),
                delta(eresp, before.eresp), delta(econ, before.econ), rtime);
    }

    /** Both servers' counts added, as one group; {@code rtime} is the higher of the two (the group's slowest server). */
    public ServerCounters plus(ServerCounters other) {
        return new ServerCounters(hrsp1xx + other.hrsp1xx, hrsp2xx + other.hrsp2xx, hrsp3xx + other.hrsp3xx, hrsp4xx + other.hrsp4xx,
                hrsp5xx + other.hrsp5xx, hrspOther + other.hrspOther, eresp + other.eresp, econ + other.econ,
                Math.max(rtime, other.rtime));
    }

    private static long delta(long now, long before) {
        return now >= before ? now - before : now;
    }
}
