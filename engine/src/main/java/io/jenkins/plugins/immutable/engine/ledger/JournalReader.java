package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams the journal's records, in order, from a byte offset: a large buffer, lines split on {@code '\n'} and each
 * decoded straight from the buffer, so 100,000 records cost one pass and no line strings.
 *
 * <p>The rule for a bad line is the one a crash implies: appends are serialised and each is one write, so only the
 * last line can be half-written. A last line without its line end, or that does not decode, is a {@link TornTail},
 * reported and skipped; a bad line with anything after it is corruption, and fails the read naming the line.
 */
final class JournalReader {

    private static final int BUFFER = 1 << 20;

    /**
     * Where a read stopped.
     *
     * @param endOffset the offset just after the last good line: the next read continues here
     * @param lines     lines read up to {@code endOffset}, header included
     * @param unknown   lines of unknown types skipped
     * @param records   records given to the sink
     * @param torn      the incomplete last line, or {@code null}
     */
    record Outcome(long endOffset, long lines, long unknown, long records, TornTail torn) {
    }

    private JournalReader() {
    }

    /**
     * Reads from {@code offset}, which is 0 or the {@code endOffset} of an earlier read ({@code linesBefore} lines).
     * From 0 the first line must be the ledger's header.
     */
    static Outcome read(Path journal, long offset, long linesBefore, Consumer<Object> sink) throws ReleaseException {
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            ch.position(offset);
            return new Scan(journal, offset, linesBefore, sink).run(ch);
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to read the ledger journal " + journal + " but failed because "
                    + reason(e) + ": check that the state folder is readable.", e);
        }
    }

    /** One pass over the file; holds the position bookkeeping. */
    private static final class Scan {
        private final Path journal;
        private final Consumer<Object> sink;
        private byte[] buf = new byte[BUFFER];
        private long base;          // file offset of buf[0]
        private long lines;
        private long endOffset;
        private long unknown;
        private long records;
        private long badLine;       // a line that did not decode, pending: torn if last, corrupt otherwise
        private long badOffset = -1;
        private String badReason;

        Scan(Path journal, long offset, long linesBefore, Consumer<Object> sink) {
            this.journal = journal;
            this.sink = sink;
            this.base = offset;
            this.endOffset = offset;
            this.lines = linesBefore;
        }

        Outcome run(FileChannel ch) throws IOException, ReleaseException {
            int start = 0;
            int end = 0;
            int scanned = 0;
            while (true) {
                int nl = indexOf(buf, scanned, end);
                if (nl >= 0) {
                    line(start, nl);
                    start = nl + 1;
                    scanned = start;
                    continue;
                }
                scanned = end;
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    base += start;
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                }
                int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end));
                if (n < 0) {
                    break;
                }
                end += n;
            }
            return finish(end - start, base + start);
        }

        private void line(int start, int nl) throws ReleaseException {
            if (badOffset >= 0) {
                throw corrupt(badLine, badReason);
            }
            lines++;
            long lineOffset = base + start;
            if (lineOffset == 0) {
                checkHeader(start, nl - start);
                endOffset = base + nl + 1;
                return;
            }
            try {
                Object record = JournalCodec.decode(buf, start, nl - start);
                if (record == JournalCodec.UNKNOWN_TYPE) {
                    unknown++;
                } else {
                    records++;
                    sink.accept(record);
                }
                endOffset = base + nl + 1;
            } catch (IOException | RuntimeException e) {
                badLine = lines;
                badOffset = lineOffset;
                badReason = reason(e);
            }
        }

        private Outcome finish(int rest, long restOffset) throws ReleaseException {
            TornTail torn = null;
            if (badOffset >= 0) {
                if (rest > 0) {
                    throw corrupt(badLine, badReason);
                }
                torn = new TornTail(journal, badLine, badOffset, restOffset - badOffset, badReason);
                lines--;
            } else if (rest > 0) {
                if (restOffset == 0) {
                    // Our header is written whole, so a first line without its end was never ours.
                    throw notOurs(journal);
                }
                torn = new TornTail(journal, lines + 1, restOffset, rest, "no line end");
            }
            return new Outcome(endOffset, lines, unknown, records, torn);
        }

        private void checkHeader(int start, int length) throws ReleaseException {
            JournalCodec.HeaderCheck header = JournalCodec.checkHeader(buf, start, length);
            if (!header.ours()) {
                throw notOurs(journal);
            }
            if (header.version() > JournalCodec.VERSION) {
                throw newerVersion(journal, header.version());
            }
        }

        private ReleaseException corrupt(long line, String reason) {
            return new ReleaseException(Kind.BAD_INPUT, journal + " is corrupt at line " + line + " (" + reason + "), with"
                    + " records after it, so it is not an interrupted write. Restore the file from a backup, or move it aside"
                    + " (the next command starts an empty ledger) and keep it for inspection.");
        }
    }

    static ReleaseException notOurs(Path journal) {
        return new ReleaseException(Kind.BAD_INPUT, journal + " is not an Immutable Release ledger (its first line is not the"
                + " ledger header): point --state (or IMMUTABLE_STATE) at another folder; that file was left untouched.");
    }

    static ReleaseException newerVersion(Path journal, int version) {
        return new ReleaseException(Kind.BAD_INPUT, journal + " was written by a newer Immutable Release (ledger version "
                + version + "; this one reads up to " + JournalCodec.VERSION + "): upgrade this tool, or point --state elsewhere.");
    }

    /** Why a line or file did not read, in one line: Jackson's own message without its source excerpt, with the field. */
    static String reason(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            message = "field " + field + ": " + message;
        }
        message = message.replace('\n', ' ').strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
