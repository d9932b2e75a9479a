package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the values of a stored release body ({@code releases.body}) lie, so a listing copies them without reading the
 * body into a {@link io.jenkins.plugins.immutable.engine.api.Release}. The places are found once, when the body is
 * written, by one pass over its bytes ({@link #fields}), and stored beside it ({@code releases.fields}); a listing reads
 * {@code fields || body} as one value and takes the places as they are ({@link #take}). A row without them (written
 * before schema version 2) is scanned the same way as it is listed.
 *
 * <p>The body was checked when it was written (only a {@code Release}, which validates itself, is ever stored), so the
 * listing need not check it again. What cannot be copied as it is (a required field missing, a known field that is not
 * text, anything that is not one JSON object, a character beyond the Basic Multilingual Plane) is refused, and the
 * caller reads the row into its record instead, whose error names the row when it is damaged.
 *
 * <p>Reused from row to row: one instance per listing, no allocation per row.
 */
final class StoredReleaseBody implements StoredRelease {

    private static final Field[] FIELDS = Field.values();
    private static final byte[][] NAMES = new byte[FIELDS.length][];
    /** The stored places: per field, four hex digits of its start in the body and four of its length. */
    private static final int HEADER = 8 * FIELDS.length;
    private static final int DIGEST = Field.DIGEST.ordinal();
    /** A length of {@code ffff}: the field is null. */
    private static final int NO_VALUE = 0xffff;

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

    /**
     * The places of the body's fields, as stored beside it ({@code releases.fields}): per {@link Field}, in order, four
     * hex digits of its start in the body and four of its length ({@code ffff}: null); {@code null} when the body
     * cannot be copied from, or a place does not fit in four digits (a body of 64 KB, which is then scanned).
     */
    static String fields(byte[] body) {
        StoredReleaseBody scanned = new StoredReleaseBody();
        if (!scanned.scan(body)) {
            return null;
        }
        StringBuilder places = new StringBuilder(HEADER);
        for (int f = 0; f < FIELDS.length; f++) {
            int length = scanned.lengths[f];
            int start = length < 0 ? 0 : scanned.starts[f];
            if (start >= NO_VALUE || length >= NO_VALUE) {
                return null;
            }
            hex(places, start);
            hex(places, length < 0 ? NO_VALUE : length);
        }
        return places.toString();
    }

    private static void hex(StringBuilder out, int value) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >> shift) & 0xf, 16));
        }
    }

    /**
     * Takes a row as the listing reads it, {@code fields || body} (just the body when its fields are not stored: a
     * row written before they were), as this release; false when it is not a body this class can copy from.
     */
    boolean take(byte[] row) {
        int body = bodyStart(row);
        return body > 0 && placesFrom(row) || scan(row, body);
    }

    /**
     * Where the body starts in a row read as {@code fields || body}: after the places, which are hex digits, when there
     * are any; a body starts with '{'.
     */
    private static int bodyStart(byte[] row) {
        return row.length > HEADER && Character.digit(row[0], 16) >= 0 ? HEADER : 0;
    }

    /** Reads the stored places; false when they do not fit the body (then it is scanned). */
    private boolean placesFrom(byte[] row) {
        utf8 = row;
        int bodyLength = row.length - HEADER;
        for (int f = 0; f < FIELDS.length; f++) {
            int start = hex(row, 8 * f);
            int length = hex(row, 8 * f + 4);
            if (start < 0 || length < 0) {
                return false;
            }
            if (length == NO_VALUE) {
                lengths[f] = -1;
            } else if (start < 1 || start + length >= bodyLength || row[HEADER + start - 1] != (f == DIGEST ? '@' : '"')
                    || row[HEADER + start + length] != '"') {
                // Places that do not fit this body (each value lies between quotes; the digest ends the reference): scan it.
                return false;
            } else {
                starts[f] = HEADER + start;
                lengths[f] = length;
            }
        }
        return required();
    }

    private boolean required() {
        return found(Field.ID) && found(Field.APP) && found(Field.REF) && found(Field.DIGEST) && found(Field.CREATED)
                && found(Field.BUILDER_ID);
    }

    /** Four hex digits at {@code at} (lower case, as {@link #hex(StringBuilder, int)} writes them), or -1. */
    private static int hex(byte[] b, int at) {
        int value = DIGITS[b[at] & 0xff] << 12 | DIGITS[b[at + 1] & 0xff] << 8 | DIGITS[b[at + 2] & 0xff] << 4
                | DIGITS[b[at + 3] & 0xff];
        return value < 0 ? -1 : value; // a non-digit's -1 sets the sign bit whatever its place
    }

    /** Each byte's hex value, -1 for a byte that is not a digit: read twice per field of 100,000 rows. */
    private static final int[] DIGITS = new int[256];

    static {
        Arrays.fill(DIGITS, -1);
        for (int d = 0; d < 16; d++) {
            DIGITS[Character.forDigit(d, 16)] = d;
        }
    }

    /** Takes {@code body} as this release; false when it is not a body this class can copy from. */
    boolean scan(byte[] body) {
        return scan(body, 0);
    }

    private boolean scan(byte[] text, int from) {
        utf8 = text;
        Arrays.fill(lengths, -1);
        try {
            return scanObject(text, from) && found(Field.REF) && digestFromRef() && required();
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return false; // the text ended inside the object
        }
    }

    private boolean found(Field field) {
        return lengths[field.ordinal()] >= 0;
    }

    private boolean scanObject(byte[] b, int from) {
        int i = space(b, from);
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
            if (nameEnd < 0) {
                return false;
            }
            int field = field(b, i + 1, nameEnd);
            i = space(b, nameEnd + 1);
            if (b[i] != ':') {
                return false;
            }
            i = space(b, i + 1);
            if (b[i] == '"') {
                int end = stringEnd(b, i + 1);
                if (end < 0) {
                    return false;
                }
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
     * The index of the quote that closes the string whose text starts at {@code i}; -1 for a string holding a character
     * beyond the Basic Multilingual Plane (a 4-byte UTF-8 sequence), which a Jackson generator writing bytes escapes as
     * a surrogate pair ({@code \\uD83D\\uDE00}) although the stored text has it as it is: such a body cannot be copied.
     * Bytes of multi-byte UTF-8 characters are all 0x80 or more, so a quote or backslash byte is always that character.
     */
    private static int stringEnd(byte[] b, int i) {
        while (true) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if ((c & 0xf8) == 0xf0) {
                return -1;
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
                int end = stringEnd(b, i + 1);
                if (end < 0) {
                    return b.length; // refused: the caller finds no ',' or '}' there
                }
                i = end + 1;
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
