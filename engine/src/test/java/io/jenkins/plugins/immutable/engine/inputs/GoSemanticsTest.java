package io.jenkins.plugins.immutable.engine.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Go behaviour the port relies on: {@code filepath.Clean} and {@code Dir} (cases from Go's
 * {@code path/filepath/path_test.go}), {@code strings.TrimSpace}, and how Go's {@code regexp} reads the
 * expressions patternmatcher builds from patterns with classes and escapes.
 */
class GoSemanticsTest {

    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "abc|abc", "abc/def|abc/def", "a/b/c|a/b/c", ".|.", "..|..", "../..|../..", "../../abc|../../abc",
        "/abc|/abc", "/|/", "''|.", "abc/|abc", "abc/def/|abc/def", "a/b/c/|a/b/c", "./|.", "../|..",
        "../../|../..", "/abc/|/abc", "abc//def//ghi|abc/def/ghi", "abc//|abc", "abc/./def|abc/def",
        "/./abc/def|/abc/def", "abc/.|abc", "abc/def/ghi/../jkl|abc/def/jkl", "abc/def/../ghi/../jkl|abc/jkl",
        "abc/def/..|abc", "abc/def/../..|.", "/abc/def/../..|/", "abc/def/../../..|..", "/abc/def/../../..|/",
        "abc/def/../../../ghi/jkl/../../../mno|../../mno", "/../abc|/abc", "a/../b:/../../c|../c",
        "abc/./../def|def", "abc//./../def|def", "abc/../../././../def|../../def"})
    void clean(String path, String cleaned) {
        assertThat(GoPaths.clean(path)).isEqualTo(cleaned);
    }

    @ParameterizedTest(name = "Dir({0}) = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "''|.", ".|.", "/.|/", "/|/", "////|/", "/foo|/", "x/|x", "abc|.", "abc/def|abc", "a/b/.x|a/b",
        "a/b/c.|a/b", "a/b/c.x|a/b"})
    void dir(String path, String dir) {
        assertThat(GoPaths.dir(path)).isEqualTo(dir);
    }

    @Test
    void trimSpaceUsesGoSpacesNotJavas() {
        assertThat(GoPaths.trimSpace("\u00a0\u2003 x \u0085\u3000")).isEqualTo("x");
        // Java's isWhitespace counts U+001C..U+001F; Go does not.
        assertThat(GoPaths.trimSpace("\u001cx\u001f")).isEqualTo("\u001cx\u001f");
    }

    @Test
    void starInsideAClassBecomesAClassThatIsRepeated() {
        // [a*] compiles to ^[a[^/]*]$: the class {a,[,^,/} repeated, then a literal ']'
        PatternMatcher pm = PatternMatcher.of(List.of("x[a*]"));
        assertThat(pm.matchesExact("x]")).isTrue();
        assertThat(pm.matchesExact("xa[^]")).isTrue();
        assertThat(pm.matchesExact("xa")).isFalse();
        assertThat(pm.matchesExact("x*")).isFalse();
    }

    @Test
    void escapedLettersAreGoRegexpEscapes() {
        // "\d" passes filepath.Match's check as an escaped 'd', but Go's regexp reads it as a digit class
        PatternMatcher digits = PatternMatcher.of(List.of("v\\d"));
        assertThat(digits.matchesExact("v7")).isTrue();
        assertThat(digits.matchesExact("vd")).isFalse();
        assertThat(PatternMatcher.of(List.of("a\\tb")).matchesExact("a\tb")).isTrue();
        assertThat(PatternMatcher.of(List.of("\\x41*")).matchesExact("ABC")).isTrue();
    }

    @Test
    void unknownEscapeIsABadPatternOnlyWhenEvaluated() {
        PatternMatcher pm = PatternMatcher.of(List.of("**", "a\\e"));
        // "**" matched first, so the inclusion "a\e" is never evaluated, as in Go
        assertThat(pm.matchesOrParentMatches("anything")).isTrue();
        PatternMatcher evaluated = PatternMatcher.of(List.of("a\\e"));
        assertThatThrownBy(() -> evaluated.matchesOrParentMatches("x")).hasMessageContaining("invalid escape sequence");
    }

    @Test
    void posixAndPerlClassesInsideBrackets() {
        assertThat(PatternMatcher.of(List.of("[[:digit:]x]")).matchesExact("7")).isTrue();
        assertThat(PatternMatcher.of(List.of("[[:digit:]x]")).matchesExact("x")).isTrue();
        assertThat(PatternMatcher.of(List.of("[[:digit:]x]")).matchesExact("y")).isFalse();
        assertThat(PatternMatcher.of(List.of("[^\\d]")).matchesExact("a")).isTrue();
        assertThat(PatternMatcher.of(List.of("[^\\d]")).matchesExact("1")).isFalse();
        assertThat(PatternMatcher.of(List.of("[^a[:digit:]]")).matchesExact("1")).isFalse();
        assertThat(PatternMatcher.of(List.of("[^a[:digit:]]")).matchesExact("b")).isTrue();
        PatternMatcher unknown = PatternMatcher.of(List.of("[[:nope:]]"));
        assertThatThrownBy(() -> unknown.matchesExact("n")).hasMessageContaining("invalid character class range");
    }

    @Test
    void javaOnlyClassSyntaxMeansNothingSpecial() {
        // '&&' is intersection in Java classes, a plain '&' twice in Go
        assertThat(PatternMatcher.of(List.of("[a&&b]")).matchesExact("&")).isTrue();
        assertThat(PatternMatcher.of(List.of("[a&&b]")).matchesExact("a")).isTrue();
    }

    @Test
    void reversedRangeIsABadPattern() {
        PatternMatcher pm = PatternMatcher.of(List.of("[z-a]"));
        assertThatThrownBy(() -> pm.matchesExact("m")).hasMessageContaining("invalid character class range");
    }

    @Test
    void endAnchorIsEndOfTextAndDotSkipsNewlines() {
        // Java's '$' would also match before a final newline; Go's does not
        assertThat(PatternMatcher.of(List.of("a*")).matchesExact("ab\n")).isTrue(); // [^/]* takes the newline
        assertThat(PatternMatcher.of(List.of("a?")).matchesExact("a\n")).isTrue();
        assertThat(PatternMatcher.of(List.of("a[b]")).matchesExact("ab\n")).isFalse();
        // '**' in the middle becomes (.*/)?, whose dot does not cross a newline
        assertThat(PatternMatcher.of(List.of("x/**/y")).matchesExact("x/a\nb/y")).isFalse();
        assertThat(PatternMatcher.of(List.of("x/**/y")).matchesExact("x/ab/y")).isTrue();
    }

    @Test
    void quotedTextRunsToTheEndAndSwallowsTheAnchor() {
        // "\Qa.b" compiles to ^\Qa\.b$ : Go reads a literal "a\.b$" from \Q on
        PatternMatcher pm = PatternMatcher.of(List.of("\\Qa.b"));
        assertThat(pm.matchesExact("a\\.b$")).isTrue();
        assertThat(pm.matchesExact("a.b")).isFalse();
    }

    @Test
    void wordBoundaryIsAscii() {
        PatternMatcher pm = PatternMatcher.of(List.of("*\\bx"));
        assertThat(pm.matchesExact("a-x")).isTrue();
        assertThat(pm.matchesExact("ax")).isFalse();
        assertThat(pm.matchesExact("éx")).isTrue(); // é is not an ASCII word character
    }
}
