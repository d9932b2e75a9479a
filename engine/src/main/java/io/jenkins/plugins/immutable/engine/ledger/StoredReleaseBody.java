package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the fields of a stored release body ({@code releases.body}) without reading it into a {@link
 * io.jenkins.plugins.immutable.engine.api.Release}: one pass over the bytes that records where each string value
 * lies. The body was checked when it was written (only a {@code Release}, which validates itself, is ever stored), so
 * the listing need not check it again; what it cannot take as it is (a required field missing, a field that is not
 * text, anything that is not one JSON object) it refuses, and the caller then reads the row the slow way, whose error
 * names the row.
 *
 * <p>Reused from row to row: one instance per listing, no allocation per row.
 */
final class StoredReleaseBody implements StoredRelease {

    private static final Field[] FIELDS = Field.values();
    private static final byte[][] NAMES = new byte[FIELDS.length][];

    static {
        NAMES[Field.ID.ordinal()] = ascii("id");
        NAMES[Field.APP.ordinal()] = ascii("app");
        NAMES[Field.REF.ordinal()] = ascii("ref");
        NAMES[Field.INPUT_DIGEST.ordinal()] = ascii("inputDigest");
        NAMES[Field.SOURCE_URI.ordinal()] = ascii("sourceUri");
        NAMES[Field.SOURCE_REVISION.ordinal()] = ascii("sourceRevision");
        NAMES[Field.CREATED.ordinal()] = ascii("created");
        NAMES[Field.BUILDER_ID.ordinal()] = ascii("builderId");
        // DIGEST is not stored: it is the end of REF.
    }

    private final int[] starts = new int[FIELDS.length];
    private final int[] lengths = new int[FIELDS.length];
    private byte[] utf8;

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes {@code body} as this release; false when it is not a body this class can copy from. */
    boolean scan(byte[] body) {
        utf8 = body;
        Arrays.fill(lengths, -1);
        try {
            return scanObject(body) && found(Field.ID) && found(Field.APP) && found(Field.REF) && found(Field.CREATED)
                    && found(Field.BUILDER_ID) && digestFromRef();
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return false; // the text ended inside the object
        }
    }

    private boolean found(Field field) {
        return lengths[field.ordinal()] >= 0;
    }

    private boolean scanObject(byte[] b) {
        int i = space(b, 0);
        if (b[i] != '{') {
            return false;
        }
        i = space(b, i + 1);
        if (b[i] == '}') {
            return space(b, i + 1) == b.length;
        }
        while (true) {
            if (b[i] != '"') {
                return false;
            }
            int nameEnd = stringEnd(b, i + 1);
            int field = field(b, i + 1, nameEnd);
            i = space(b, nameEnd + 1);
            if (b[i] != ':') {
                return false;
            }
            i = space(b, i + 1);
            if (b[i] == '"') {
                int end = stringEnd(b, i + 1);
                if (field >= 0) {
                    starts[field] = i + 1;
                    lengths[field] = end - i - 1;
                }
                i = end + 1;
            } else if (isNull(b, i)) {
                if (field >= 0) {
                    lengths[field] = -1;
                }
                i += 4;
            } else if (field >= 0) {
                return false; // a known field that is not text: let the record's reader say what is wrong
            } else {
                i = skipValue(b, i); // a field of a newer version, which the listing does not show
            }
            i = space(b, i);
            if (b[i] == '}') {
                return space(b, i + 1) == b.length;
            }
            if (b[i] != ',') {
                return false;
            }
            i = space(b, i + 1);
        }
    }

    /** The known field named by the bytes from {@code from} to {@code to}, or -1. */
    private static int field(byte[] b, int from, int to) {
        int length = to - from;
        for (int f = 0; f < NAMES.length; f++) {
            byte[] name = NAMES[f];
            if (name != null && name.length == length && Arrays.equals(b, from, to, name, 0, length)) {
                return f;
            }
        }
        return -1;
    }

    /** The image digest is what follows the reference's last {@code @}. */
    private boolean digestFromRef() {
        int start = starts[Field.REF.ordinal()];
        for (int i = start + lengths[Field.REF.ordinal()] - 1; i >= start; i--) {
            if (utf8[i] == '@') {
                starts[Field.DIGEST.ordinal()] = i + 1;
                lengths[Field.DIGEST.ordinal()] = start + lengths[Field.REF.ordinal()] - i - 1;
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the quote that closes the string whose text starts at {@code i}. Bytes of multi-byte UTF-8
     * characters are all 0x80 or more, so a quote or backslash byte is always that character.
     */
    private static int stringEnd(byte[] b, int i) {
        while (true) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
    }

    private static boolean isNull(byte[] b, int i) {
        return b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l';
    }

    /** Past any JSON value starting at {@code i}: objects and arrays by depth, strings by their quotes. */
    private static int skipValue(byte[] b, int i) {
        int depth = 0;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                i = stringEnd(b, i + 1) + 1;
            } else if (c == '{' || c == '[') {
                depth++;
                i++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i; // the end of the enclosing object: a scalar ended here
                }
                depth--;
                i++;
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                return i;
            } else {
                i++;
            }
            if (depth == 0 && (c == '"' || c == '}' || c == ']')) {
                return i;
            }
        }
    }

    private static int space(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    @Override
    public byte[] utf8() {
        return utf8;
    }

    @Override
    public int start(Field field) {
        return starts[field.ordinal()];
    }

    @Override
    public int length(Field field) {
        return lengths[field.ordinal()];
    }

    @Override
    public String id() {
        return new String(utf8, start(Field.ID), length(Field.ID), StandardCharsets.UTF_8);
    }
}
