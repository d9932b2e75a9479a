package io.jenkins.plugins.immutable.engine.router;

/**
 * A server's administrative state as {@code set server <backend>/<server> state ready|drain|maint} sets it.
 *
 * <p>{@code show servers state} reports it as a bit mask ({@code srv_admin_state}). HAProxy 2.6 derives the state
 * from the mask exactly as {@link #fromMask(int)} does: any of {@code FMAINT 0x01}, {@code IMAINT 0x02} or
 * {@code RMAINT 0x20} means maintenance, else any of {@code FDRAIN 0x08} or {@code IDRAIN 0x10} means drain. The
 * {@code CMAINT 0x04} bit is left out on purpose: a server declared {@code disabled} in the configuration keeps it
 * for ever (it only tells a state file that the configuration said so), and HAProxy serves such a server normally
 * once it is set {@code ready}.
 */
public enum AdminState {
    /** Takes new requests (when its operational state is up). */
    READY,
    /** Takes no new load-balanced requests; requests already on it finish. */
    DRAIN,
    /** Takes no traffic at all. */
    MAINT;

    private static final int MAINT_MASK = 0x01 | 0x02 | 0x20;
    private static final int DRAIN_MASK = 0x08 | 0x10;

    /** The state of a {@code srv_admin_state} mask. */
    public static AdminState fromMask(int mask) {
        if ((mask & MAINT_MASK) != 0) {
            return MAINT;
        }
        return (mask & DRAIN_MASK) != 0 ? DRAIN : READY;
    }

    /** The word {@code set server … state} takes. */
    String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
