package io.jenkins.plugins.immutable.engine.inputs;

/**
 * The few Go standard library functions the Docker CLI applies to {@code .dockerignore} patterns and paths, with
 * their Unix behaviour ({@code /} separator, {@code \} as an escape): {@code path/filepath.Clean}, {@code Dir},
 * {@code strings.TrimSpace} and the syntax check {@code filepath.Match(pattern, ".")} that
 * {@code patternmatcher.New} runs. Ported rather than approximated with {@link java.nio.file.Path#normalize()} or
 * {@link String#strip()}, whose rules differ (".." handling, which characters are spaces).
 */
final class GoPaths {

    private GoPaths() {
    }

    /** {@code filepath.Clean} on Unix (Go's {@code path/filepath/path.go}). */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r++));
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** {@code filepath.Dir}: everything before the last separator, cleaned. */
    static String dir(String path) {
        int i = path.lastIndexOf('/');
        return clean(path.substring(0, i + 1));
    }

    /** {@code strings.TrimSpace}: trims what Go's {@code unicode.IsSpace} calls space. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace} (every space is in the BMP, so a {@code char} suffices). */
    static boolean isSpace(char c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /**
     * Whether {@code filepath.Match} would report {@code ErrBadPattern} for {@code pattern}. Go's {@code Match}
     * validates the whole pattern whatever the name, so this only walks the syntax: a {@code \} must escape
     * something, and a {@code [} class must hold at least one character or range (each end possibly escaped, not
     * starting with {@code -} or {@code ]}) and be closed.
     */
    static boolean isMalformedGlob(String pattern) {
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return true;
                }
                i = next(pattern, i + 1);
            } else if (c == '[') {
                i = skipClass(pattern, i + 1);
                if (i < 0) {
                    return true;
                }
            } else {
                i = next(pattern, i);
            }
        }
        return false;
    }

    /** Skips a class body after {@code [}; the index after its {@code ]}, or -1 when malformed. */
    private static int skipClass(String p, int i) {
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < p.length() && p.charAt(i) == ']' && ranges > 0) {
                return i + 1;
            }
            i = classChar(p, i);
            if (i < 0) {
                return -1;
            }
            if (p.charAt(i) == '-') {
                i = classChar(p, i + 1);
                if (i < 0) {
                    return -1;
                }
            }
            ranges++;
        }
    }

    /** Go's {@code getEsc}: one class character; the index after it, or -1 when malformed or nothing follows. */
    private static int classChar(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
            return -1;
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= p.length()) {
                return -1;
            }
        }
        i = next(p, i);
        return i >= p.length() ? -1 : i;
    }

    private static int next(String s, int i) {
        return i + Character.charCount(s.codePointAt(i));
    }
}
