package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * A database failure as the user should read it: what was tried, on which ledger ({@link LedgerLocation#toString()},
 * never a password), why, and what to do. An unreachable database is {@code UNREACHABLE} (exit 3); a folder that
 * cannot be written, a full disk or a damaged file is {@code BAD_INPUT} (exit 2), as a bad journal was; another
 * process holding the database for too long is {@code FAILED_SAFELY}.
 */
final class SqlFailures {

    // SQLite's primary result codes (the low byte of its extended codes).
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqlFailures() {
    }

    static ReleaseException translate(SQLException e, LedgerLocation where, String doing) {
        String what = "Tried to " + doing + " the ledger " + where + " but ";
        if (where.isDatabase()) {
            return postgres(e, where, what);
        }
        String folder = where.folder().orElseThrow().toString();
        return switch (e.getErrorCode() & 0xff) {
            case SQLITE_FULL -> new ReleaseException(Kind.BAD_INPUT, what + "the disk is full: free space where the state folder "
                    + folder + " is, then run the command again. Nothing was recorded.", e);
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> new ReleaseException(Kind.BAD_INPUT, what + "it cannot be written"
                    + " (" + firstLine(e) + "): point --state (or IMMUTABLE_STATE) at a folder you can write, or make " + folder
                    + " writable. Nothing was recorded.", e);
            case SQLITE_BUSY, SQLITE_LOCKED -> new ReleaseException(Kind.FAILED_SAFELY, what + "another process has held it for"
                    + " over " + SqlDialect.BUSY_WAIT_MS / 1000 + " s: check for a stuck immutable process using " + folder
                    + ". Nothing was recorded.", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new ReleaseException(Kind.BAD_INPUT, what + "it is not a readable ledger database ("
                    + firstLine(e) + "): it was damaged or replaced outside this tool. Restore it from a backup. Nothing was"
                    + " changed.", e);
            case SQLITE_IOERR -> new ReleaseException(Kind.BAD_INPUT, what + "the disk failed (" + firstLine(e) + "): check the"
                    + " free space and health of the disk holding " + folder + ". Nothing was recorded.", e);
            default -> new ReleaseException(Kind.BAD_INPUT, what + "failed: " + firstLine(e) + ". Nothing was recorded.", e);
        };
    }

    private static ReleaseException postgres(SQLException e, LedgerLocation where, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String at = where.host() + ":" + where.port() + "/" + where.database();
        if (state.startsWith("08") || causedByNetwork(e)) {
            return new ReleaseException(Kind.UNREACHABLE, what + "could not reach the database at " + at + " (" + firstLine(e)
                    + "): check that PostgreSQL runs there and accepts connections, or fix --state (IMMUTABLE_STATE)."
                    + " Nothing was changed.", e);
        }
        if (state.startsWith("28")) {
            return new ReleaseException(Kind.BAD_INPUT, what + "the database at " + at + " refused user '" + where.user()
                    + "' (" + firstLine(e) + "): set the password in PGPASSWORD or ~/.pgpass, or fix the user in the URL."
                    + " Nothing was changed.", e);
        }
        if (state.equals("3D000")) {
            return new ReleaseException(Kind.BAD_INPUT, what + "there is no database '" + where.database() + "' at "
                    + where.host() + ":" + where.port() + ": create it (createdb) or fix the URL. Nothing was changed.", e);
        }
        if (state.equals("53100")) {
            return new ReleaseException(Kind.BAD_INPUT, what + "the database server's disk is full (" + at + "). Nothing was"
                    + " recorded.", e);
        }
        return new ReleaseException(Kind.BAD_INPUT, what + "failed at " + at + ": " + firstLine(e) + " (SQL state " + state
                + "). Nothing was recorded.", e);
    }

    private static boolean causedByNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
