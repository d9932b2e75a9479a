package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.ReleaseRowSink;
import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import io.jenkins.plugins.immutable.engine.api.StoredRelease.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The document of {@code releases --output json}, written as it streams by: the same bytes as Jackson's default pretty
 * printer writes for an array of {@link Json#writeRelease(com.fasterxml.jackson.core.JsonGenerator, ReleaseListing)}
 * elements ({@code ReleaseArrayWriterTest} holds the two to that), but cheaper per release. A release as stored that
 * runs nowhere (nearly all of 100,000) is laid out here: its values' escaped bytes copied between the layout's fixed
 * bytes, nothing decoded, escaped or allocated. Any other element (a release that runs somewhere, or one read into a
 * record) is written by Jackson on its own and copied in: the pretty printer indents an object inside the top-level
 * array exactly as at the top level.
 */
final class ReleaseArrayWriter implements ReleaseRowSink {

    private static final String NL = System.lineSeparator(); // what Jackson's default indenter writes
    /** The document's order of fields. */
    private static final Field[] FIELDS = {Field.ID, Field.APP, Field.REF, Field.DIGEST, Field.INPUT_DIGEST, Field.SOURCE_URI,
        Field.SOURCE_REVISION, Field.CREATED, Field.BUILDER_ID};
    /** What goes before each field's value: the end of the one before, the indentation, the name. */
    private static final byte[][] NAMES = new byte[Field.values().length][];
    private static final byte[] NULL = ascii("null");
    private static final byte[] END = ascii("," + NL + "  \"placements\" : [ ]" + NL + "}");

    static {
        name(Field.ID, "{" + NL + "  \"id\" : ");
        name(Field.APP, "," + NL + "  \"app\" : ");
        name(Field.REF, "," + NL + "  \"ref\" : ");
        name(Field.DIGEST, "," + NL + "  \"digest\" : ");
        name(Field.INPUT_DIGEST, "," + NL + "  \"inputDigest\" : ");
        name(Field.SOURCE_URI, "," + NL + "  \"sourceUri\" : ");
        name(Field.SOURCE_REVISION, "," + NL + "  \"sourceRevision\" : ");
        name(Field.CREATED, "," + NL + "  \"created\" : ");
        name(Field.BUILDER_ID, "," + NL + "  \"builderId\" : ");
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream element = new ByteArrayOutputStream(1024);
    private int used;
    private boolean first = true;

    /** Starts the array on {@code out}, which receives the bytes in large writes. */
    ReleaseArrayWriter(OutputStream out) {
        this.out = out;
        put((byte) '[');
    }

    private static void name(Field field, String layout) {
        NAMES[field.ordinal()] = ascii(layout);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void stored(StoredRelease release, List<ReleaseListing.Placement> placements) {
        if (!placements.isEmpty()) {
            jackson(g -> Json.writeRelease(g, release, placements));
            return;
        }
        separator();
        byte[] utf8 = release.utf8();
        for (Field field : FIELDS) {
            put(NAMES[field.ordinal()]);
            int length = release.length(field);
            if (length < 0) {
                put(NULL);
            } else {
                put((byte) '"');
                put(utf8, release.start(field), length);
                put((byte) '"');
            }
        }
        put(END);
    }

    @Override
    public void bound(ReleaseListing listing) {
        jackson(g -> Json.writeRelease(g, listing));
    }

    /** Ends the array and hands every byte to the stream. */
    void finish() throws IOException {
        put((byte) ' ');
        put((byte) ']');
        out.write(buffer, 0, used);
        used = 0;
        out.flush();
    }

    private void jackson(Json.ElementWriter writer) {
        element.reset();
        try {
            Json.writeElement(element, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        separator();
        byte[] bytes = element.toByteArray();
        put(bytes, 0, bytes.length);
    }

    private void separator() {
        if (!first) {
            put((byte) ',');
        }
        put((byte) ' ');
        first = false;
    }

    private void put(byte b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    private void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    private void put(byte[] bytes, int from, int length) {
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, used, length);
        used += length;
    }

    private void drain() {
        write(buffer, 0, used);
        used = 0;
    }

    private void write(byte[] bytes, int from, int length) {
        try {
            out.write(bytes, from, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
