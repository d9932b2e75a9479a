package io.jenkins.plugins.immutable.engine.inputs;

import java.util.regex.Pattern;

/**
 * Translates the regular expressions that {@code patternmatcher} builds (Go RE2 syntax, {@code regexp.Compile},
 * Perl flags) into an equivalent {@link Pattern}. The expression is parsed as Go parses it, because a pattern's
 * characters reach it partly unescaped: {@code [a*]} becomes {@code [a[^/]*]}, which Go reads as the class
 * {@code [a[^/]} repeated and a literal {@code ]}; {@code \d} in a pattern is Go's digit class; {@code [z-a]} is an
 * error. Only what patternmatcher can emit is supported: literals, {@code ^ $ . * ?}, groups, classes (with
 * ranges, POSIX {@code [:name:]}, Perl {@code \d\s\w} and one-letter Unicode {@code \pL}) and Go's escapes.
 * Everything is emitted in an unambiguous Java form ({@code \x{..}} literals, {@code \A}, {@code \z},
 * {@code [^\n]} for the dot), so Java's own extra syntax ({@code &&}, nested classes) never applies.
 */
final class GoRegexp {

    private static final String WORD = "[0-9A-Za-z_]";

    private final String re;
    private int i;
    private final StringBuilder out = new StringBuilder();

    private GoRegexp(String re) {
        this.re = re;
    }

    /**
     * @throws IllegalArgumentException where Go's {@code regexp.Compile} fails, with Go's reason
     */
    static Pattern compile(String goRegexp) {
        GoRegexp t = new GoRegexp(goRegexp);
        t.translate();
        return Pattern.compile(t.out.toString());
    }

    private void translate() {
        while (i < re.length()) {
            int c = re.codePointAt(i);
            switch (c) {
                case '(' -> out.append("(?:"); // only patternmatcher's own "(.*/)?"; a pattern's '(' is escaped
                case ')', '*', '?' -> out.appendCodePoint(c);
                case '.' -> out.append("[^\\n]"); // Go's dot stops at a newline, as Java's would at more
                case '^' -> out.append("\\A");
                case '$' -> out.append("\\z"); // Java's '$' would also match before a final newline
                case '[' -> {
                    i++;
                    out.append(new GoClass(this).parse());
                    continue;
                }
                case '\\' -> {
                    escape();
                    continue;
                }
                default -> out.append(quote(c));
            }
            i += Character.charCount(c);
        }
    }

    /** A backslash outside a class: Go's assertions, {@code \Q…\E}, classes, then single-character escapes. */
    private void escape() {
        if (i + 1 < re.length()) {
            char e = re.charAt(i + 1);
            String java = switch (e) {
                case 'A' -> "\\A";
                case 'z' -> "\\z";
                case 'b' -> "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
                case 'B' -> "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
                default -> null;
            };
            if (java != null) {
                out.append(java);
                i += 2;
                return;
            }
            if (e == 'C') {
                throw new IllegalArgumentException("invalid escape sequence: \\C");
            }
            if (e == 'Q') {
                int end = re.indexOf("\\E", i + 2);
                String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                lit.codePoints().forEach(cp -> out.append(quote(cp)));
                i = end < 0 ? re.length() : end + 2;
                return;
            }
        }
        String cls = perlOrUnicodeClass();
        if (cls != null) {
            out.append(cls);
            return;
        }
        out.append(quote(escapedChar()));
    }

    /** {@code \d \D \s \S \w \W} or {@code \pX \PX} at {@link #i}, consumed, as a Java class; else {@code null}. */
    String perlOrUnicodeClass() {
        if (i + 1 >= re.length() || re.charAt(i) != '\\') {
            return null;
        }
        char e = re.charAt(i + 1);
        String set = switch (Character.toLowerCase(e)) {
            case 'd' -> "0-9";
            case 's' -> "\\t\\n\\f\\r ";
            case 'w' -> "0-9A-Za-z_";
            default -> null;
        };
        if (set != null) {
            i += 2;
            return Character.isUpperCase(e) ? "[^" + set + "]" : "[" + set + "]";
        }
        if (e == 'p' || e == 'P') {
            // patternmatcher escapes '{', so only Go's one-letter general categories can be named.
            int name = i + 2 < re.length() ? re.codePointAt(i + 2) : -1;
            if (name < 0 || "CLMNPSZ".indexOf(name) < 0) {
                throw new IllegalArgumentException("invalid character class range: " + re.substring(i));
            }
            i += 3;
            return (e == 'p' ? "\\p{" : "\\P{") + (char) name + "}";
        }
        return null;
    }

    /** Go's {@code parseEscape}: the character a backslash sequence at {@link #i} stands for, consumed. */
    int escapedChar() {
        int start = i;
        i++;
        if (i >= re.length()) {
            throw new IllegalArgumentException("trailing backslash at end of expression");
        }
        int c = re.codePointAt(i);
        i += Character.charCount(c);
        if (c < 0x80 && !isAlnum(c)) {
            return c;
        }
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                if (c != '0' && !isOctal(i)) {
                    break; // a lone \1..\7 is a back reference, which RE2 does not support
                }
                int r = c - '0';
                for (int k = 1; k < 3 && isOctal(i); k++) {
                    r = r * 8 + re.charAt(i++) - '0';
                }
                return r;
            }
            case 'x' -> {
                if (i + 1 < re.length() && hex(re.charAt(i)) >= 0 && hex(re.charAt(i + 1)) >= 0) {
                    int r = hex(re.charAt(i)) * 16 + hex(re.charAt(i + 1));
                    i += 2;
                    return r;
                }
            }
            case 'a' -> {
                return 0x07;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0B;
            }
            default -> {
            }
        }
        throw new IllegalArgumentException("invalid escape sequence: " + re.substring(start, i));
    }

    String source() {
        return re;
    }

    int position() {
        return i;
    }

    void advance(int n) {
        i += n;
    }

    private boolean isOctal(int at) {
        return at < re.length() && re.charAt(at) >= '0' && re.charAt(at) <= '7';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean isAlnum(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** One code point as a Java literal that means itself anywhere, inside a class or out. */
    static String quote(int cp) {
        return isAlnum(cp) ? Character.toString(cp) : "\\x{" + Integer.toHexString(cp) + "}";
    }
}
