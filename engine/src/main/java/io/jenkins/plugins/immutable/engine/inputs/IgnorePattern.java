package io.jenkins.plugins.immutable.engine.inputs;

import java.util.regex.Pattern;

/**
 * One compiled {@code .dockerignore} pattern: a port of {@code Pattern} in github.com/moby/patternmatcher
 * ({@code patternmatcher.go}, {@code compile} and {@code match}), Unix flavour. Patterns without wildcards are
 * compared as strings, {@code dir/**} as a prefix, {@code **}{@code /x} as a suffix, and the rest through the Go
 * regular expression {@code compile} builds, translated by {@link GoRegexp}. As in Go, a pattern whose expression
 * does not compile fails only when it is actually evaluated (Go compiles lazily); compiling here is eager, so an
 * instance never changes and can be shared.
 */
final class IgnorePattern {

    enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    /** Characters Go's {@code regexp} would read as syntax but {@code filepath.Match} treats as literals. */
    private static final String ESCAPED = ".+()|{}$";

    private final String cleaned;
    private final int dirCount;
    private final boolean exclusion;
    private final MatchType type;
    private final String goRegexp;
    private final Pattern regexp;
    private final String compileError;

    IgnorePattern(String cleaned, boolean exclusion) {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.dirCount = cleaned.split("/", -1).length;
        StringBuilder reg = new StringBuilder("^");
        this.type = compile(cleaned, reg);
        this.goRegexp = type == MatchType.REGEXP ? reg.append('$').toString() : null;
        Pattern compiled = null;
        String error = null;
        if (goRegexp != null) {
            try {
                compiled = GoRegexp.compile(goRegexp);
            } catch (IllegalArgumentException e) {
                error = "syntax error in pattern '" + cleaned + "': " + e.getMessage();
            }
        }
        this.regexp = compiled;
        this.compileError = error;
    }

    /** The pattern after cleaning, without its {@code !}: Go's {@code Pattern.String()}. */
    String text() {
        return cleaned;
    }

    boolean exclusion() {
        return exclusion;
    }

    /** How many {@code /}-separated parts the pattern has (Go's {@code len(pattern.dirs)}). */
    int dirCount() {
        return dirCount;
    }

    MatchType matchType() {
        return type;
    }

    /** The Go regular expression {@code compile} built, for {@link MatchType#REGEXP}; else {@code null}. */
    String goRegexp() {
        return goRegexp;
    }

    /**
     * @throws IllegalArgumentException when the pattern's regular expression does not compile (Go's
     *                                  {@code ErrBadPattern}); the message says why
     */
    boolean matches(String path) {
        if (compileError != null) {
            throw new IllegalArgumentException(compileError);
        }
        return switch (type) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                // "**/foo" also matches "foo" itself
                yield path.endsWith(suffix) || suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
            }
            case REGEXP -> regexp.matcher(path).find();
        };
    }

    /** Go's {@code compile}: appends the expression to {@code reg} and returns the kind of match. */
    private static MatchType compile(String cleaned, StringBuilder reg) {
        MatchType detected = MatchType.EXACT;
        int n = cleaned.length();
        int pos = 0;
        for (int iteration = 0; pos < n; iteration++) {
            int ch = cleaned.codePointAt(pos);
            pos += Character.charCount(ch);
            if (ch == '*') {
                if (pos < n && cleaned.charAt(pos) == '*') {
                    pos++;
                    if (pos < n && cleaned.charAt(pos) == '/') {
                        pos++; // "**/" is treated as "**"
                    }
                    if (pos >= n) {
                        // a trailing "**" accepts everything, as in .gitignore
                        if (detected == MatchType.EXACT) {
                            detected = MatchType.PREFIX;
                        } else {
                            reg.append(".*");
                            detected = MatchType.REGEXP;
                        }
                    } else {
                        reg.append("(.*/)?"); // any number of directories, even none
                        detected = MatchType.REGEXP;
                    }
                    if (iteration == 0) {
                        detected = MatchType.SUFFIX;
                    }
                } else {
                    reg.append("[^/]*");
                    detected = MatchType.REGEXP;
                }
            } else if (ch == '?') {
                reg.append("[^/]");
                detected = MatchType.REGEXP;
            } else if (ch < 0x80 && ESCAPED.indexOf(ch) >= 0) {
                reg.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (pos < n) {
                    int escaped = cleaned.codePointAt(pos);
                    pos += Character.charCount(escaped);
                    reg.append('\\').appendCodePoint(escaped);
                    detected = MatchType.REGEXP;
                } else {
                    reg.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                reg.appendCodePoint(ch);
                detected = MatchType.REGEXP;
            } else {
                reg.appendCodePoint(ch);
            }
        }
        return detected;
    }
}
