package io.jenkins.plugins.immutable.engine.inputs;

import java.util.Map;

/**
 * Go's {@code parseClass} for {@link GoRegexp}: reads a bracket class after its {@code [} and returns it as a Java
 * class whose members are all quoted or nested, so the result means in Java exactly what it meant in Go.
 */
final class GoClass {

    /** Go's {@code posixGroup}, as Java class bodies; all ASCII. */
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "0-9A-Za-z"),
            Map.entry("alpha", "A-Za-z"),
            Map.entry("ascii", "\\x{0}-\\x{7f}"),
            Map.entry("blank", "\\t "),
            Map.entry("cntrl", "\\x{0}-\\x{1f}\\x{7f}"),
            Map.entry("digit", "0-9"),
            Map.entry("graph", "\\x{21}-\\x{7e}"),
            Map.entry("lower", "a-z"),
            Map.entry("print", "\\x{20}-\\x{7e}"),
            Map.entry("punct", "\\x{21}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{60}\\x{7b}-\\x{7e}"),
            Map.entry("space", "\\t\\n\\x{b}\\f\\r "),
            Map.entry("upper", "A-Z"),
            Map.entry("word", "0-9A-Za-z_"),
            Map.entry("xdigit", "0-9A-Fa-f"));

    private final GoRegexp in;
    private final String re;

    GoClass(GoRegexp in) {
        this.in = in;
        this.re = in.source();
    }

    /** Parses from just after {@code [} through its closing {@code ]}. */
    String parse() {
        StringBuilder members = new StringBuilder();
        boolean negated = in.position() < re.length() && at() == '^';
        if (negated) {
            in.advance(1);
        }
        boolean first = true; // Go accepts ']' as the first member
        while (in.position() >= re.length() || at() != ']' || first) {
            if (in.position() >= re.length()) {
                throw new IllegalArgumentException("missing closing ]: " + re);
            }
            first = false;
            String named = namedClass();
            if (named == null) {
                named = in.perlOrUnicodeClass();
            }
            if (named != null) {
                members.append(named);
                continue;
            }
            int lo = classChar();
            int hi = lo;
            if (in.position() + 1 < re.length() && at() == '-' && re.charAt(in.position() + 1) != ']') {
                in.advance(1);
                hi = classChar();
                if (hi < lo) {
                    throw new IllegalArgumentException("invalid character class range: "
                            + new String(Character.toChars(lo)) + "-" + new String(Character.toChars(hi)));
                }
            }
            members.append(GoRegexp.quote(lo));
            if (hi != lo) {
                members.append('-').append(GoRegexp.quote(hi));
            }
        }
        in.advance(1);
        return (negated ? "[^" : "[") + members + "]";
    }

    /** {@code [:name:]} or {@code [:^name:]}; {@code null} (nothing consumed) when there is no {@code :]}. */
    private String namedClass() {
        int p = in.position();
        if (!re.startsWith("[:", p)) {
            return null;
        }
        int end = re.indexOf(":]", p + 2);
        if (end < 0) {
            return null;
        }
        String name = re.substring(p + 2, end);
        boolean negated = name.startsWith("^");
        String body = POSIX.get(negated ? name.substring(1) : name);
        if (body == null) {
            throw new IllegalArgumentException("invalid character class range: " + re.substring(p, end + 2));
        }
        in.advance(end + 2 - p);
        return (negated ? "[^" : "[") + body + "]";
    }

    /** Go's {@code parseClassChar}: an escape or a single code point. */
    private int classChar() {
        if (at() == '\\') {
            return in.escapedChar();
        }
        int c = re.codePointAt(in.position());
        in.advance(Character.charCount(c));
        return c;
    }

    private char at() {
        return re.charAt(in.position());
    }
}
