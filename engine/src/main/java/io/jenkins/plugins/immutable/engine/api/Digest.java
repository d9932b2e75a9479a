package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.HexFormat;

/** A content digest, always {@code sha256:} followed by 64 lowercase hex digits. */
public record Digest(String value) implements Serializable {

    private static final String ALGORITHM = "sha256:";

    public Digest {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a digest: expected sha256: followed by 64 lowercase hex digits");
        }
    }

    /**
     * {@code sha256:} and 64 lowercase hex digits, checked by hand: a listing of 100,000 releases checks 200,000
     * digests, and the regular expression was 8% of its profile samples.
     */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() != ALGORITHM.length() + 64 || !value.startsWith(ALGORITHM)) {
            return false;
        }
        for (int i = ALGORITHM.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code sha256:<64 hex>}; the message of the exception says what was wrong and what is expected. */
    public static Digest parse(String text) {
        return new Digest(text == null ? null : text.strip());
    }

    /** Accepts the bare 64 hex digits too, as users copy them from UIs. */
    public static Digest parseLenient(String text) {
        String trimmed = text == null ? null : text.strip();
        if (trimmed != null && !trimmed.startsWith("sha256:") && trimmed.length() == 64) {
            trimmed = "sha256:" + trimmed;
        }
        return parse(trimmed);
    }

    public static Digest ofSha256(byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a sha256 hash has 32 bytes, not " + hash.length);
        }
        return new Digest("sha256:" + HexFormat.of().formatHex(hash));
    }

    /** The 64 hex digits without the algorithm. */
    public String hex() {
        return value.substring("sha256:".length());
    }

    /** The first {@code n} hex digits, for names and display. */
    public String shortHex(int n) {
        return hex().substring(0, Math.min(n, 64));
    }

    @Override
    public String toString() {
        return value;
    }
}
