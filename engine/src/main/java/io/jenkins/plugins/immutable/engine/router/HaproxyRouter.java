package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves the traffic of one HAProxy backend between its two servers, {@code blue} and {@code green}, through the
 * runtime API and never by a reload, so no connection is dropped and nothing is re-read from haproxy.cfg.
 *
 * <p>A switch makes the new colour {@code ready} <em>before</em> it sets the old one to {@code drain}: for that
 * instant both take requests, and there is never an instant with none. {@code drain} takes the old colour out of
 * load balancing while the requests already on it finish; only then does it go to {@code maint}. Every step is
 * checked by reading the state back, because HAProxy answers some rejected values (such as a port above 65535,
 * which it wraps) as if they were taken.
 *
 * <p>Not thread-safe: one router per backend, used by one deploy at a time (the engine locks the environment).
 */
public final class HaproxyRouter {

    /** How often the drain wait looks at the old colour's sessions, at first and at most. */
    private static final long FIRST_POLL_MILLIS = 5;
    private static final long MAX_POLL_MILLIS = 50;

    private final HaproxyRuntime runtime;
    private final String backend;
    private final EventHandler events;
    private final ServerSlots slots;

    /** A router for {@code backend} whose warnings are dropped. */
    public HaproxyRouter(HaproxyRuntime runtime, String backend) {
        this(runtime, backend, EventHandler.NONE);
    }

    /**
     * @param backend the backend holding the servers {@code blue} and {@code green}
     * @param events  receives a {@link EngineEvent.Warning} when a switch moved traffic but could not finish cleanly
     *                (the old colour still busy at the drain timeout, or not taking {@code maint})
     */
    public HaproxyRouter(HaproxyRuntime runtime, String backend, EventHandler events) {
        this(runtime, backend, events, ServerSlots.SINGLE);
    }

    /** A router whose colours have these server slots (one per replica on a Swarm). */
    public HaproxyRouter(HaproxyRuntime runtime, String backend, EventHandler events, ServerSlots slots) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.backend = Objects.requireNonNull(backend, "backend").strip();
        this.events = Objects.requireNonNull(events, "events");
        if (this.backend.isEmpty() || !this.backend.matches("[^\\s/;#]+")) {
            throw new IllegalArgumentException("'" + backend + "' is not a backend name: expected no spaces, '/', ';' or '#'");
        }
    }

    public String backend() {
        return backend;
    }

    public HaproxyRuntime runtime() {
        return runtime;
    }

    /**
     * Both colours as HAProxy reports them now: address, port, states ({@code show servers state}) and the requests
     * in flight ({@code show stat}).
     *
     * @throws ReleaseException {@link Kind#BAD_INPUT} when the backend or one of its two servers does not exist;
     *                          {@link Kind#UNREACHABLE} when HAProxy does not answer
     */
    public RouterState state() throws ReleaseException {
        return state(rows(), sessions());
    }

    public ServerSlots slots() {
        return slots;
    }

    private RouterState state(Map<String, ServersStateOutput.Row> rows, Map<String, Integer> sessions) throws ReleaseException {
        Map<Colour, List<ServerState>> members = new java.util.EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            List<ServerState> group = new java.util.ArrayList<>();
            for (String name : slots.names(colour)) {
                group.add(server(rows, sessions, name));
            }
            members.put(colour, group);
        }
        return new RouterState(backend, ServerState.group(Colour.BLUE.label(), members.get(Colour.BLUE)),
                ServerState.group(Colour.GREEN.label(), members.get(Colour.GREEN)), members);
    }

    /**
     * Sends new requests to {@code to} at {@code 127.0.0.1:port}: points the colour there, makes it {@code ready},
     * sets the other colour to {@code drain} (the moment new requests move), waits until the other colour's
     * requests in flight have finished or {@code drainTimeout} has passed, and sets it to {@code maint}.
     *
     * <p>Switching to the colour that is already the only live one, at that port, changes nothing and returns 0.
     * Once traffic has moved, a drain that times out or an old colour that does not take {@code maint} is reported
     * as a {@link EngineEvent.Warning}, not as a failure: the switch itself happened.
     *
     * @param to           the colour to send new requests to; its application must already be healthy
     * @param port         the loopback port its application listens on
     * @param drainTimeout how long the old colour's requests in flight may take to finish; {@code 0} does not wait
     * @return the milliseconds from the first command until new requests went to {@code to}
     * @throws ReleaseException {@link Kind#FAILED_SAFELY} when HAProxy did not take a step before traffic moved
     *                          (the new colour is put back into maintenance); {@link Kind#BAD_INPUT} for an unknown
     *                          backend or server; {@link Kind#UNREACHABLE} when HAProxy does not answer
     */
    public long switchTo(Colour to, int port, Duration drainTimeout) throws ReleaseException {
        checkPort(port);
        return switchTo(to, List.of(Endpoint.loopback(port)), drainTimeout);
    }

    /**
     * As {@link #switchTo(Colour, int, Duration)} for a colour of several replicas: its first {@code endpoints.size()}
     * servers are pointed at the endpoints, then made {@code ready} while every server of the other colour is set to
     * {@code drain}, all in one line, so HAProxy moves new requests from one group to the other at once.
     */
    public long switchTo(Colour to, List<Endpoint> endpoints, Duration drainTimeout) throws ReleaseException {
        Objects.requireNonNull(to, "to");
        checkEndpoints(to, endpoints);
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must be zero or more, got " + drainTimeout);
        }
        RouterState before = state();
        ServerState target = before.server(to);
        ServerState old = before.server(to.other());
        if (before.routesExactly(to, endpoints) && !old.receivesNewRequests()) {
            return 0;
        }
        if (target.receivesNewRequests() && !before.routesExactly(to, endpoints)) {
            throw refusedLive(to, before, endpoints);
        }
        List<String> names = slots.names(to).subList(0, endpoints.size());
        long start = System.nanoTime();
        long switchMillis;
        try {
            for (int i = 0; i < endpoints.size(); i++) {
                if (!before.members(to).get(i).pointsAt(endpoints.get(i))) {
                    setAddress(names.get(i), endpoints.get(i));
                }
            }
            if (old.receivesNewRequests()) {
                cutOver(to, names);
            } else {
                for (String name : names) {
                    setAdmin(name, AdminState.READY);
                }
            }
            switchMillis = (System.nanoTime() - start) / 1_000_000;
        } catch (ReleaseException e) {
            throw undo(to, before, e);
        }
        if (before.members(to.other()).stream().anyMatch(m -> m.admin() != AdminState.MAINT)) {
            finishOff(to.other(), drainTimeout);
        }
        return switchMillis;
    }

    /**
     * Puts {@code colour} into maintenance: it takes no traffic. Disabling the only live colour leaves the backend
     * without a server, and HAProxy answers 503.
     */
    public void disable(Colour colour) throws ReleaseException {
        RouterState now = state();
        for (int i = 0; i < slots.count(); i++) {
            if (now.members(colour).get(i).admin() != AdminState.MAINT) {
                setAdmin(slots.names(colour).get(i), AdminState.MAINT);
            }
        }
    }

    /**
     * Points {@code colour} at {@code 127.0.0.1:port} without letting traffic to it, to repair the router after
     * HAProxy restarted or a switch was interrupted.
     *
     * @throws ReleaseException {@link Kind#FAILED_SAFELY} when the colour takes new requests at another port:
     *                          re-pointing it would move live traffic without a switch
     */
    public void point(Colour colour, int port) throws ReleaseException {
        checkPort(port);
        point(colour, List.of(Endpoint.loopback(port)));
    }

    /** As {@link #point(Colour, int)}, a server per endpoint. */
    public void point(Colour colour, List<Endpoint> endpoints) throws ReleaseException {
        checkEndpoints(colour, endpoints);
        RouterState now = state();
        if (now.server(colour).receivesNewRequests() && !now.routesExactly(colour, endpoints)) {
            throw refusedLive(colour, now, endpoints);
        }
        for (int i = 0; i < endpoints.size(); i++) {
            if (!now.members(colour).get(i).pointsAt(endpoints.get(i))) {
                setAddress(slots.names(colour).get(i), endpoints.get(i));
            }
        }
    }

    /**
     * Points a colour that takes new requests at another address back at {@code 127.0.0.1:port}, in place: the repair
     * of a live server moved from outside. New requests go to {@code port} from then on, so the caller must have
     * checked that the application there answers.
     */
    public void repoint(Colour colour, int port) throws ReleaseException {
        checkPort(port);
        repoint(colour, List.of(Endpoint.loopback(port)));
    }

    /** As {@link #repoint(Colour, int)}, a server per endpoint. */
    public void repoint(Colour colour, List<Endpoint> endpoints) throws ReleaseException {
        checkEndpoints(colour, endpoints);
        RouterState now = state();
        for (int i = 0; i < endpoints.size(); i++) {
            if (!now.members(colour).get(i).pointsAt(endpoints.get(i))) {
                setAddress(slots.names(colour).get(i), endpoints.get(i));
            }
        }
    }

    // Each step is checked with 'show servers state' alone: the sessions are not needed, and every command spent
    // between 'ready' and 'drain' lengthens the instant in which both colours take requests.
    private void setAddress(String server, Endpoint endpoint) throws ReleaseException {
        String command = "set server " + backend + "/" + server + " addr " + endpoint.address() + " port " + endpoint.port();
        runtime.execute(command);
        ServerState now = server(rows(), Map.of(), server);
        if (!now.pointsAt(endpoint)) {
            throw notTaken(command, now);
        }
    }

    /**
     * The cutover: {@code ready} for the new colour and {@code drain} for the old one in one line, so HAProxy applies
     * them back to back and the instant in which both colours take new requests is as short as HAProxy can make it
     * (with a round trip between them it was ~15 ms under load). The state is read back afterwards: if the new colour
     * did not become ready, the old one is made ready again before the failure is reported.
     */
    private void cutOver(Colour to, List<String> names) throws ReleaseException {
        RouterState before = state();
        List<String> commands = new java.util.ArrayList<>();
        for (String name : names) {
            commands.add("set server " + backend + "/" + name + " state " + AdminState.READY.command());
        }
        List<String> draining = new java.util.ArrayList<>();
        for (int i = 0; i < slots.count(); i++) {
            // Every server of the old colour that takes requests drains, in the same line as the new ones get ready.
            if (before.members(to.other()).get(i).admin() == AdminState.READY) {
                String name = slots.names(to.other()).get(i);
                draining.add(name);
                commands.add("set server " + backend + "/" + name + " state " + AdminState.DRAIN.command());
            }
        }
        runtime.executeTogether(commands);
        RouterState now = state();
        for (int i = 0; i < names.size(); i++) {
            if (!now.members(to).get(i).receivesNewRequests()) {
                for (String name : draining) {
                    runtime.execute("set server " + backend + "/" + name + " state " + AdminState.READY.command());
                }
                throw notTaken(commands.get(i), now.members(to).get(i));
            }
        }
        for (int i = 0; i < slots.count(); i++) {
            String name = slots.names(to.other()).get(i);
            if (draining.contains(name) && now.members(to.other()).get(i).admin() != AdminState.DRAIN) {
                setAdmin(name, AdminState.DRAIN);
            }
        }
    }

    private void setAdmin(String server, AdminState wanted) throws ReleaseException {
        String command = "set server " + backend + "/" + server + " state " + wanted.command();
        runtime.execute(command);
        ServerState now = server(rows(), Map.of(), server);
        boolean taken = now.admin() == wanted && (wanted != AdminState.READY || now.receivesNewRequests());
        if (!taken) {
            throw notTaken(command, now);
        }
    }

    /** After traffic moved: lets the old colour's requests finish, then takes it out. Never throws. */
    private void finishOff(Colour old, Duration drainTimeout) {
        try {
            int left = awaitDrained(old, drainTimeout);
            if (left > 0) {
                warn(old.label() + " still had " + left + " request(s) in flight after the drain timeout of "
                        + drainTimeout.toMillis() + " ms; putting it into maintenance anyway (requests in flight keep "
                        + "their connection and finish)");
            }
            RouterState now = state();
            for (int i = 0; i < slots.count(); i++) {
                if (now.members(old).get(i).admin() != AdminState.MAINT) {
                    setAdmin(slots.names(old).get(i), AdminState.MAINT);
                }
            }
        } catch (ReleaseException e) {
            warn("traffic moved away from " + old.label() + ", but " + old.label() + " could not be put into "
                    + "maintenance: " + e.getMessage() + " It takes no new requests; run 'disable server " + backend + "/"
                    + old.label() + "' on the admin socket.");
        }
    }

    /** Waits until the colour serves nothing or the timeout passes; returns the requests still in flight. */
    private int awaitDrained(Colour colour, Duration timeout) throws ReleaseException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            Map<String, Integer> sessions = sessions();
            int inFlight = slots.names(colour).stream().mapToInt(n -> sessions.getOrDefault(n, 0)).sum();
            if (inFlight == 0 || System.nanoTime() - deadline >= 0) {
                return inFlight;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                // Stop waiting but still take the old colour out, so an interrupted deploy leaves a clean router.
                Thread.currentThread().interrupt();
                return inFlight;
            }
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }

    /**
     * Before traffic moved: puts the new colour back where it was, so the failure is a safe one, and says whether
     * that held.
     */
    private ReleaseException undo(Colour to, RouterState beforeState, ReleaseException failure) {
        ServerState before = beforeState.server(to);
        if (failure.kind() != Kind.FAILED_SAFELY || before.receivesNewRequests()) {
            return failure;
        }
        try {
            for (int i = 0; i < slots.count(); i++) {
                ServerState was = beforeState.members(to).get(i);
                runtime.execute("set server " + backend + "/" + slots.names(to).get(i) + " state " + was.admin().command());
            }
            RouterState now = state();
            if (now.server(to).admin() == before.admin() && !now.server(to).receivesNewRequests()) {
                return new ReleaseException(Kind.FAILED_SAFELY, failure.getMessage() + " Traffic did not move: "
                        + to.label() + " is back in " + before.admin() + ".", failure);
            }
            return new ReleaseException(Kind.FAILED_SAFELY, failure.getMessage() + " Putting " + to.label()
                    + " back did not hold either; the router is now " + now.describe() + ".", failure);
        } catch (ReleaseException undoFailure) {
            return new ReleaseException(Kind.FAILED_SAFELY, failure.getMessage() + " Putting " + to.label()
                    + " back failed too (" + undoFailure.getMessage() + "); check 'show servers state " + backend + "'.",
                    failure);
        }
    }

    private Map<String, ServersStateOutput.Row> rows() throws ReleaseException {
        String command = "show servers state " + backend;
        try {
            return ServersStateOutput.parse(runtime.execute(command), backend);
        } catch (IllegalArgumentException e) {
            throw unreadable(command, e);
        }
    }

    private Map<String, Integer> sessions() throws ReleaseException {
        // 4 selects servers, -1 all of them: the answer stays small however many backends haproxy.cfg holds.
        String command = "show stat " + backend + " 4 -1";
        try {
            return StatCsv.currentSessions(runtime.execute(command), backend);
        } catch (IllegalArgumentException e) {
            throw unreadable(command, e);
        }
    }

    private ServerState server(Map<String, ServersStateOutput.Row> rows, Map<String, Integer> sessions, Colour colour)
            throws ReleaseException {
        return server(rows, sessions, colour.label());
    }

    private ServerState server(Map<String, ServersStateOutput.Row> rows, Map<String, Integer> sessions, String name)
            throws ReleaseException {
        ServersStateOutput.Row row = rows.get(name);
        if (row == null) {
            String needed = slots.perColour() == 0 ? "two servers named blue and green"
                    : slots.count() + " servers per colour, blue1..blue" + slots.count() + " and green1..green" + slots.count();
            throw new ReleaseException(Kind.BAD_INPUT, "Backend '" + backend + "' of HAProxy at " + runtime.address()
                    + " has no server '" + name + "' (it has " + (rows.isEmpty() ? "none" : String.join(", ", rows.keySet()))
                    + "). The backend needs " + needed + ", such as 'server " + name
                    + " 127.0.0.1:1 disabled'; 'immutable router-config' prints the section to paste.");
        }
        return new ServerState(row.server(), row.address(), row.port(), row.admin(), row.operational(),
                sessions.getOrDefault(row.server(), 0));
    }

    private ReleaseException notTaken(String command, ServerState now) {
        return new ReleaseException(Kind.FAILED_SAFELY, "HAProxy at " + runtime.address() + " answered '" + command
                + "' but did not take it: " + now.name() + " is " + now.address() + ":" + now.port() + " " + now.admin()
                + "/" + now.operational() + ". Is something else changing backend '" + backend
                + "' at the same time?");
    }

    private ReleaseException refusedLive(Colour colour, RouterState now, List<Endpoint> endpoints) {
        ServerState server = now.server(colour);
        String at = endpoints.size() == 1 && Endpoint.LOOPBACK.equals(endpoints.get(0).address()) ? "port " + endpoints.get(0).port()
                : endpoints.toString();
        return new ReleaseException(Kind.FAILED_SAFELY, "Refused to point " + backend + "/" + colour.label() + " at "
                + at + ": it takes live traffic at " + server.address() + ":" + server.port()
                + ". Traffic did not move; switch to " + colour.other().label() + " first.");
    }

    private void checkEndpoints(Colour colour, List<Endpoint> endpoints) throws ReleaseException {
        Objects.requireNonNull(endpoints, "endpoints");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint to point " + colour.label() + " at");
        }
        if (endpoints.size() > slots.count()) {
            throw new ReleaseException(Kind.BAD_INPUT, colour.label() + " has " + endpoints.size() + " replicas but backend '"
                    + backend + "' of HAProxy at " + runtime.address() + " has " + slots.count() + " server slot(s) per colour:"
                    + " paste the section 'immutable router-config' prints for these settings, and reload HAProxy once.");
        }
    }

    private ReleaseException unreadable(String command, IllegalArgumentException e) {
        return new ReleaseException(Kind.BAD_INPUT, "Cannot read the answer of HAProxy at " + runtime.address() + " to '"
                + command + "': " + e.getMessage() + ". The router reads HAProxy 2.6's output; is that socket HAProxy's?", e);
    }

    private void warn(String text) {
        events.on(new EngineEvent.Warning("[router] " + backend + ": " + text));
    }

    private static void checkPort(int port) {
        // HAProxy takes 'port 70000' and silently wraps it to 4464, so the range is checked here.
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
        }
    }

    // Drift: the weights the engine leaves as haproxy.cfg gives them, read and set back.

    /** The weight the engine expects on every server outside a canary (which shares traffic by weights); haproxy.cfg gives 1. */
    public static final int ENGINE_WEIGHT = 1;

    /**
     * Each colour's current weight ({@code srv_uweight} of {@code show servers state}): its server's, or the sum of its
     * servers' when a colour has one per replica. In a canary split each colour's sum is its share in percent.
     */
    public Map<Colour, Integer> weights() throws ReleaseException {
        Map<String, Integer> byName = serverWeights();
        Map<Colour, Integer> weights = new java.util.EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            weights.put(colour, slots.names(colour).stream().mapToInt(n -> byName.getOrDefault(n, ENGINE_WEIGHT)).sum());
        }
        return weights;
    }

    private Map<String, Integer> serverWeights() throws ReleaseException {
        String command = "show servers state " + backend;
        try {
            return ServersStateOutput.weights(runtime.execute(command), backend);
        } catch (IllegalArgumentException e) {
            throw unreadable(command, e);
        }
    }

    /** Sets every server of a colour to {@code weight} ({@code set weight backend/server N}) and checks that it held. */
    public void setWeight(Colour colour, int weight) throws ReleaseException {
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
        slots.names(colour).forEach(n -> wanted.put(n, weight));
        setWeights(wanted);
    }

    /** Sends all the weights in one line, so HAProxy applies them back to back, then reads each back. */
    private void setWeights(Map<String, Integer> wanted) throws ReleaseException {
        List<String> commands = new java.util.ArrayList<>();
        wanted.forEach((name, weight) -> commands.add("set weight " + backend + "/" + name + " " + weight));
        runtime.executeTogether(commands);
        Map<String, Integer> now = serverWeights();
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            int found = now.getOrDefault(e.getKey(), ENGINE_WEIGHT);
            if (found != e.getValue()) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "HAProxy at " + runtime.address() + " answered 'set weight "
                        + backend + "/" + e.getKey() + " " + e.getValue() + "' but " + e.getKey() + " weighs " + found + ".");
            }
        }
    }

    // Canary: weights share the traffic between two ready colours; counters judge the canary.

    /** The weight that gives a colour all of the traffic in a canary split: the shares are percentages. */
    public static final int FULL_SHARE = 100;

    /**
     * Readies {@code canary} at {@code 127.0.0.1:port} beside the live {@code stable} colour with weight 0 (no new
     * requests yet) and gives {@code stable} the whole share: the start of a canary. Each weight is read back.
     */
    public void beginSplit(Colour canary, int port) throws ReleaseException {
        checkPort(port);
        beginSplit(canary, List.of(Endpoint.loopback(port)));
    }

    /**
     * As {@link #beginSplit(Colour, int)} for a canary of several replicas: its first {@code endpoints.size()} servers
     * are pointed at them and made ready at weight 0; the stable colour's serving servers share 100 between them.
     */
    public void beginSplit(Colour canary, List<Endpoint> endpoints) throws ReleaseException {
        checkEndpoints(canary, endpoints);
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>(spread(canary.other(), FULL_SHARE, state()));
        slots.names(canary).forEach(n -> wanted.put(n, 0));
        setWeights(wanted);
        point(canary, endpoints);
        for (String name : slots.names(canary).subList(0, endpoints.size())) {
            setAdmin(name, AdminState.READY);
        }
    }

    /**
     * Gives {@code canary} {@code share} percent of new requests and the other colour the rest, by weights (relative, so
     * 5 and 95 are 5 %), each colour's spread over its serving servers ({@link ShareSpread}); all in one line, read back.
     */
    public void setShare(Colour canary, int share) throws ReleaseException {
        if (share < 0 || share > FULL_SHARE) {
            throw new IllegalArgumentException("share must be 0 to 100, got " + share);
        }
        RouterState now = state();
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>(spread(canary, share, now));
        wanted.putAll(spread(canary.other(), FULL_SHARE - share, now));
        setWeights(wanted);
    }

    private Map<String, Integer> spread(Colour colour, int share, RouterState now) {
        List<String> serving = new java.util.ArrayList<>();
        for (int i = 0; i < slots.count(); i++) {
            if (now.members(colour).get(i).receivesNewRequests()) {
                serving.add(slots.names(colour).get(i));
            }
        }
        return ShareSpread.weights(share, serving, slots.names(colour));
    }

    /**
     * Takes all new requests away from {@code canary} at once (weight 0 on each of its servers, the stable colour the
     * whole share, in one line), lets its requests in flight finish for up to {@code drainTimeout}, puts it into
     * {@code maint}, then sets every weight back to the engine's. The other colour is untouched apart from its weights.
     */
    public void endSplitTowardsStable(Colour canary, Duration drainTimeout) throws ReleaseException {
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>(spread(canary.other(), FULL_SHARE, state()));
        slots.names(canary).forEach(n -> wanted.put(n, 0));
        if (wanted.entrySet().stream().noneMatch(e -> !slots.names(canary).contains(e.getKey()) && e.getValue() > 0)) {
            // The stable colour serves nothing (an outside change): only take the canary's weight away.
            wanted.keySet().retainAll(slots.names(canary));
        }
        setWeights(wanted);
        int left = awaitDrained(canary, drainTimeout);
        if (left > 0) {
            warn(canary.label() + " still had " + left + " request(s) in flight after the drain timeout of "
                    + drainTimeout.toMillis() + " ms; putting it into maintenance anyway");
        }
        disable(canary);
        resetWeights();
    }

    /** Every server back at {@link #ENGINE_WEIGHT}, where it was set otherwise (after a canary). */
    public void resetWeights() throws ReleaseException {
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
        Map<String, Integer> now = serverWeights();
        for (Colour colour : Colour.values()) {
            for (String name : slots.names(colour)) {
                if (now.getOrDefault(name, ENGINE_WEIGHT) != ENGINE_WEIGHT) {
                    wanted.put(name, ENGINE_WEIGHT);
                }
            }
        }
        if (!wanted.isEmpty()) {
            setWeights(wanted);
        }
    }

    /** Whether the weights are not the engine's: a canary, or a change from outside (drift). */
    public boolean split() throws ReleaseException {
        Map<String, Integer> now = serverWeights();
        return java.util.Arrays.stream(Colour.values()).flatMap(c -> slots.names(c).stream())
                .anyMatch(n -> now.getOrDefault(n, ENGINE_WEIGHT) != ENGINE_WEIGHT);
    }

    /**
     * Whether the router shows a canary: both colours take new requests and their weights are shares that add up to
     * {@link #FULL_SHARE}, as only {@link #beginSplit} and {@link #setShare} leave them. Any other weights are a change
     * from outside, for drift to report, never mistaken for a canary to abort.
     */
    public boolean canarySplit() throws ReleaseException {
        Map<Colour, Integer> w = weights();
        return w.get(Colour.BLUE) + w.get(Colour.GREEN) == FULL_SHARE && split() && state().live().size() == 2;
    }

    /**
     * Each colour's counters now ({@code show stat}): its server's, or the sum of its servers' (a colour of replicas),
     * whose {@code rtime} is the highest among its servers that weigh more than 0 (a slot that serves nothing keeps the
     * average of the last replica it pointed at). Deltas between two readings judge a canary step.
     */
    public Map<Colour, ServerCounters> counters() throws ReleaseException {
        String command = "show stat " + backend + " 4 -1";
        Map<String, ServerCounters> byName;
        try {
            byName = StatCsv.counters(runtime.execute(command), backend);
        } catch (IllegalArgumentException e) {
            throw unreadable(command, e);
        }
        Map<String, Integer> weights = slots.perColour() == 0 ? Map.of() : serverWeights();
        Map<Colour, ServerCounters> counters = new java.util.EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            ServerCounters sum = ServerCounters.ZERO;
            for (String name : slots.names(colour)) {
                ServerCounters one = byName.getOrDefault(name, ServerCounters.ZERO);
                boolean weighs = slots.perColour() == 0 || weights.getOrDefault(name, ENGINE_WEIGHT) > 0;
                sum = sum.plus(weighs ? one : new ServerCounters(one.hrsp1xx(), one.hrsp2xx(), one.hrsp3xx(), one.hrsp4xx(),
                        one.hrsp5xx(), one.hrspOther(), one.eresp(), one.econ(), 0));
            }
            counters.put(colour, sum);
        }
        return counters;
    }
}
