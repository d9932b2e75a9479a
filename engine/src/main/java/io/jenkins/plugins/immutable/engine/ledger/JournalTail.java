package io.jenkins.plugins.immutable.engine.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds, from the end of the file and without reading the rest, whether the journal ends with a torn line, by the
 * same rule as {@link JournalReader}: a last line without its line end, or one that does not decode.
 */
final class JournalTail {

    private static final int CHUNK = 8192;

    private JournalTail() {
    }

    /** Where the torn last line starts, or {@code -1} when the journal ends with a whole record (or the header). */
    static long tornStart(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return -1;
        }
        long lastNewline = lastNewlineBefore(ch, size);
        if (lastNewline != size - 1) {
            return lastNewline + 1;
        }
        long lineStart = lastNewlineBefore(ch, size - 1) + 1;
        if (lineStart == 0) {
            return -1; // only the header, which the caller has checked
        }
        byte[] line = read(ch, lineStart, (int) (size - 1 - lineStart));
        try {
            JournalCodec.decode(line, 0, line.length);
            return -1;
        } catch (IOException | RuntimeException e) {
            return lineStart;
        }
    }

    /** The first line, up to {@code max} bytes (without its line end), or {@code null} when it has no line end there. */
    static byte[] firstLine(FileChannel ch, int max) throws IOException {
        byte[] head = read(ch, 0, (int) Math.min(max, ch.size()));
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                return java.util.Arrays.copyOf(head, i);
            }
        }
        return null;
    }

    /** The position of the last {@code '\n'} before {@code limit}, or {@code -1}. */
    private static long lastNewlineBefore(FileChannel ch, long limit) throws IOException {
        long end = limit;
        while (end > 0) {
            long start = Math.max(0, end - CHUNK);
            byte[] chunk = read(ch, start, (int) (end - start));
            for (int i = chunk.length - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    return start + i;
                }
            }
            end = start;
        }
        return -1;
    }

    static byte[] read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.array();
    }
}
