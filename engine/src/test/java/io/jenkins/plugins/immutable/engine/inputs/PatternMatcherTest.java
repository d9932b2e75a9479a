package io.jenkins.plugins.immutable.engine.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.inputs.IgnorePattern.MatchType;
import io.jenkins.plugins.immutable.engine.inputs.PatternMatcher.MatchInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test cases of github.com/moby/patternmatcher {@code patternmatcher_test.go}, ported with their expectations
 * (Unix flavour; the Windows-only cases are left out, as the engine sends contexts the Unix way).
 */
class PatternMatcherTest {

    enum Pass { FAIL, EXACT, INEXACT }

    /** {@code TestMatches}' single-pattern table. */
    static Stream<Arguments> matchesCases() {
        return Stream.of(
                c("**", "file", Pass.EXACT),
                c("**", "file/", Pass.EXACT),
                c("**/", "file", Pass.EXACT),
                c("**/", "file/", Pass.EXACT),
                c("**", "/", Pass.EXACT),
                c("**/", "/", Pass.EXACT),
                c("**", "dir/file", Pass.EXACT),
                c("**/", "dir/file", Pass.EXACT),
                c("**", "dir/file/", Pass.EXACT),
                c("**/", "dir/file/", Pass.EXACT),
                c("**/**", "dir/file", Pass.EXACT),
                c("**/**", "dir/file/", Pass.EXACT),
                c("dir/**", "dir/file", Pass.EXACT),
                c("dir/**", "dir/file/", Pass.EXACT),
                c("dir/**", "dir/dir2/file", Pass.EXACT),
                c("dir/**", "dir/dir2/file/", Pass.EXACT),
                c("**/dir", "dir", Pass.EXACT),
                c("**/dir", "dir/file", Pass.INEXACT),
                c("**/dir2/*", "dir/dir2/file", Pass.EXACT),
                c("**/dir2/*", "dir/dir2/file/", Pass.INEXACT),
                c("**/dir2/**", "dir/dir2/dir3/file", Pass.EXACT),
                c("**/dir2/**", "dir/dir2/dir3/file/", Pass.EXACT),
                c("**file", "file", Pass.EXACT),
                c("**file", "dir/file", Pass.EXACT),
                c("**/file", "dir/file", Pass.EXACT),
                c("**file", "dir/dir/file", Pass.EXACT),
                c("**/file", "dir/dir/file", Pass.EXACT),
                c("**/file*", "dir/dir/file", Pass.EXACT),
                c("**/file*", "dir/dir/file.txt", Pass.EXACT),
                c("**/file*txt", "dir/dir/file.txt", Pass.EXACT),
                c("**/file*.txt", "dir/dir/file.txt", Pass.EXACT),
                c("**/file*.txt*", "dir/dir/file.txt", Pass.EXACT),
                c("**/**/*.txt", "dir/dir/file.txt", Pass.EXACT),
                c("**/**/*.txt2", "dir/dir/file.txt", Pass.FAIL),
                c("**/*.txt", "file.txt", Pass.EXACT),
                c("**/**/*.txt", "file.txt", Pass.EXACT),
                c("a**/*.txt", "a/file.txt", Pass.EXACT),
                c("a**/*.txt", "a/dir/file.txt", Pass.EXACT),
                c("a**/*.txt", "a/dir/dir/file.txt", Pass.EXACT),
                c("a/*.txt", "a/dir/file.txt", Pass.FAIL),
                c("a/*.txt", "a/file.txt", Pass.EXACT),
                c("a/*.txt**", "a/file.txt", Pass.EXACT),
                c("a[b-d]e", "ae", Pass.FAIL),
                c("a[b-d]e", "ace", Pass.EXACT),
                c("a[b-d]e", "aae", Pass.FAIL),
                c("a[^b-d]e", "aze", Pass.EXACT),
                c(".*", ".foo", Pass.EXACT),
                c(".*", "foo", Pass.FAIL),
                c("abc.def", "abcdef", Pass.FAIL),
                c("abc.def", "abc.def", Pass.EXACT),
                c("abc.def", "abcZdef", Pass.FAIL),
                c("abc?def", "abcZdef", Pass.EXACT),
                c("abc?def", "abcdef", Pass.FAIL),
                c("**/foo/bar", "foo/bar", Pass.EXACT),
                c("**/foo/bar", "dir/foo/bar", Pass.EXACT),
                c("**/foo/bar", "dir/dir2/foo/bar", Pass.EXACT),
                c("abc/**", "abc", Pass.FAIL),
                c("abc/**", "abc/def", Pass.EXACT),
                c("abc/**", "abc/def/ghi", Pass.EXACT),
                c("**/.foo", ".foo", Pass.EXACT),
                c("**/.foo", "bar.foo", Pass.FAIL),
                c("a(b)c/def", "a(b)c/def", Pass.EXACT),
                c("a(b)c/def", "a(b)c/xyz", Pass.FAIL),
                c("a.|)$(}+{bc", "a.|)$(}+{bc", Pass.EXACT),
                c("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.EXACT),
                c("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.EXACT),
                // the non-Windows additions
                c("a\\\\", "a\\", Pass.EXACT),
                c("a\\*b", "a*b", Pass.EXACT));
    }

    /** {@code TestMatches}' multi-pattern table. */
    static Stream<Arguments> multiPatternCases() {
        return Stream.of(
                Arguments.of(List.of("**", "!util/docker/web"), "util/docker/web/foo", Pass.FAIL),
                Arguments.of(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", Pass.EXACT),
                Arguments.of(List.of("**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.FAIL),
                Arguments.of(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.FAIL));
    }

    private static Arguments c(String pattern, String text, Pass pass) {
        return Arguments.of(pattern, text, pass);
    }

    @ParameterizedTest(name = "MatchesExact {0} ~ {1}: {2}")
    @MethodSource("matchesCases")
    void matchesExact(String pattern, String text, Pass pass) {
        assertThat(PatternMatcher.of(List.of(pattern)).matchesExact(text)).isEqualTo(pass == Pass.EXACT);
    }

    @ParameterizedTest(name = "MatchesOrParentMatches {0} ~ {1}: {2}")
    @MethodSource("matchesCases")
    void matchesOrParentMatches(String pattern, String text, Pass pass) {
        assertThat(PatternMatcher.of(List.of(pattern)).matchesOrParentMatches(text)).isEqualTo(pass != Pass.FAIL);
    }

    @ParameterizedTest(name = "MatchesOrParentMatches {0} ~ {1}: {2}")
    @MethodSource("multiPatternCases")
    void matchesOrParentMatchesWithSeveralPatterns(List<String> patterns, String text, Pass pass) {
        assertThat(PatternMatcher.of(patterns).matchesOrParentMatches(text)).isEqualTo(pass != Pass.FAIL);
    }

    @ParameterizedTest(name = "MatchesUsingParentResults {0} ~ {1}: {2}")
    @MethodSource("matchesCases")
    void matchesUsingParentResults(String pattern, String text, Pass pass) {
        assertThat(withParentResults(PatternMatcher.of(List.of(pattern)), text)).isEqualTo(pass != Pass.FAIL);
    }

    @ParameterizedTest(name = "MatchesUsingParentResults {0} ~ {1}: {2}")
    @MethodSource("multiPatternCases")
    void matchesUsingParentResultsWithSeveralPatterns(List<String> patterns, String text, Pass pass) {
        assertThat(withParentResults(PatternMatcher.of(patterns), text)).isEqualTo(pass != Pass.FAIL);
    }

    @ParameterizedTest(name = "MatchesUsingParentResultsNoContext {0} ~ {1}: {2}")
    @MethodSource("matchesCases")
    void matchesUsingParentResultsWithoutContext(String pattern, String text, Pass pass) {
        assertThat(PatternMatcher.of(List.of(pattern)).matchesUsingParentResults(text, null).excluded())
                .isEqualTo(pass != Pass.FAIL);
    }

    /** The Go test's helper: match each parent folder in turn, handing down the results. */
    private static boolean withParentResults(PatternMatcher pm, String text) {
        String parent = GoPaths.dir(text);
        MatchInfo info = null;
        if (!parent.equals(".")) {
            String[] dirs = parent.split("/", -1);
            for (int i = 0; i < dirs.length; i++) {
                info = pm.matchesUsingParentResults(String.join("/", Arrays.copyOf(dirs, i + 1)), info);
            }
        }
        return pm.matchesUsingParentResults(text, info).excluded();
    }

    @Test
    void wildcardMatches() {
        assertThat(matches("fileutils.go", "*")).isTrue();
    }

    @Test
    void patternMatches() {
        assertThat(matches("fileutils.go", "*.go")).isTrue();
    }

    @Test
    void exclusionPatternMatchesPatternBefore() {
        assertThat(matches("fileutils.go", "!fileutils.go", "*.go")).isTrue();
    }

    @Test
    void patternMatchesFolderExclusions() {
        assertThat(matches("docs/README.md", "docs", "!docs/README.md")).isFalse();
    }

    @Test
    void patternMatchesFolderWithSlashExclusions() {
        assertThat(matches("docs/README.md", "docs/", "!docs/README.md")).isFalse();
    }

    @Test
    void patternMatchesFolderWildcardExclusions() {
        assertThat(matches("docs/README.md", "docs/*", "!docs/README.md")).isFalse();
    }

    @Test
    void exclusionPatternMatchesPatternAfter() {
        assertThat(matches("fileutils.go", "*.go", "!fileutils.go")).isFalse();
    }

    @Test
    void exclusionPatternMatchesWholeDirectory() {
        assertThat(matches(".", "*.go")).isFalse();
    }

    @Test
    void singleExclamationError() {
        assertThatThrownBy(() -> PatternMatcher.of(List.of("!"))).hasMessageContaining("illegal exclusion pattern");
    }

    @Test
    void matchesWithNoPatterns() {
        assertThat(matches("/any/path/there")).isFalse();
    }

    @Test
    void matchesWithMalformedPatterns() {
        assertThatThrownBy(() -> PatternMatcher.of(List.of("["))).hasMessageContaining("syntax error in pattern");
    }

    @Test
    void cleanPatterns() {
        assertThat(PatternMatcher.of(List.of("docs", "config")).patterns()).hasSize(2);
    }

    @Test
    void cleanPatternsStripEmptyPatterns() {
        assertThat(PatternMatcher.of(List.of("docs", "config", "")).patterns()).hasSize(2);
    }

    @Test
    void cleanPatternsExceptionFlag() {
        assertThat(PatternMatcher.of(List.of("docs", "!docs/README.md")).exclusions()).isTrue();
    }

    @Test
    void cleanPatternsLeadingSpaceTrimmed() {
        assertThat(PatternMatcher.of(List.of("docs", "  !docs/README.md")).exclusions()).isTrue();
    }

    @Test
    void cleanPatternsTrailingSpaceTrimmed() {
        assertThat(PatternMatcher.of(List.of("docs", "!docs/README.md  ")).exclusions()).isTrue();
    }

    @Test
    void cleanPatternsErrorSingleException() {
        assertThatThrownBy(() -> PatternMatcher.of(List.of("!"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code matchTests}, "stolen from go's filepath Match tests", run through the deprecated {@code Matches}. */
    static Stream<Arguments> filepathMatchCases() {
        return Stream.of(
                m("abc", "abc", true), m("*", "abc", true), m("*c", "abc", true), m("a*", "a", true),
                m("a*", "abc", true), m("a*", "ab/c", true), m("a*/b", "abc/b", true), m("a*/b", "a/c/b", false),
                m("a*b*c*d*e*/f", "axbxcxdxe/f", true), m("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
                m("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false), m("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
                m("a*b?c*x", "abxbbxdbxebxczzx", true), m("a*b?c*x", "abxbbxdbxebxczzy", false),
                m("ab[c]", "abc", true), m("ab[b-d]", "abc", true), m("ab[e-g]", "abc", false),
                m("ab[^c]", "abc", false), m("ab[^b-d]", "abc", false), m("ab[^e-g]", "abc", true),
                m("a\\*b", "a*b", true), m("a\\*b", "ab", false), m("a?b", "a☺b", true), m("a[^a]b", "a☺b", true),
                m("a???b", "a☺b", false), m("a[^a][^a][^a]b", "a☺b", false), m("[a-ζ]*", "α", true),
                m("*[a-ζ]", "A", false), m("a?b", "a/b", false), m("a*b", "a/b", false), m("[\\]a]", "]", true),
                m("[\\-]", "-", true), m("[x\\-]", "x", true), m("[x\\-]", "-", true), m("[x\\-]", "z", false),
                m("[\\-x]", "x", true), m("[\\-x]", "-", true), m("[\\-x]", "a", false), m("*x", "xxx", true));
    }

    private static Arguments m(String pattern, String s, boolean match) {
        return Arguments.of(pattern, s, match);
    }

    @ParameterizedTest(name = "Match({0}, {1}) = {2}")
    @MethodSource("filepathMatchCases")
    void filepathMatch(String pattern, String s, boolean match) {
        assertThat(matches(s, pattern)).isEqualTo(match);
    }

    @ParameterizedTest(name = "Match({0}) is ErrBadPattern")
    @MethodSource("badPatterns")
    void filepathMatchBadPatterns(String pattern) {
        assertThatThrownBy(() -> PatternMatcher.of(List.of(pattern))).hasMessageContaining("syntax error in pattern");
    }

    static Stream<String> badPatterns() {
        return Stream.of("[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[");
    }

    /** {@code compileTests}: the match type and, for regular expressions, the exact Go expression. */
    static Stream<Arguments> compileCases() {
        return Stream.of(
                Arguments.of("*", MatchType.REGEXP, "^[^/]*$"),
                Arguments.of("file*", MatchType.REGEXP, "^file[^/]*$"),
                Arguments.of("*file", MatchType.REGEXP, "^[^/]*file$"),
                Arguments.of("a*/b", MatchType.REGEXP, "^a[^/]*/b$"),
                Arguments.of("**", MatchType.SUFFIX, null),
                Arguments.of("**/**", MatchType.REGEXP, "^(.*/)?.*$"),
                Arguments.of("dir/**", MatchType.PREFIX, null),
                Arguments.of("**/dir", MatchType.SUFFIX, null),
                Arguments.of("**/dir2/*", MatchType.REGEXP, "^(.*/)?dir2/[^/]*$"),
                Arguments.of("**/dir2/**", MatchType.REGEXP, "^(.*/)?dir2/.*$"),
                Arguments.of("**file", MatchType.SUFFIX, null),
                Arguments.of("**/file*txt", MatchType.REGEXP, "^(.*/)?file[^/]*txt$"),
                Arguments.of("**/**/*.txt", MatchType.REGEXP, "^(.*/)?(.*/)?[^/]*\\.txt$"),
                Arguments.of("a[b-d]e", MatchType.REGEXP, "^a[b-d]e$"),
                Arguments.of(".*", MatchType.REGEXP, "^\\.[^/]*$"),
                Arguments.of("abc.def", MatchType.EXACT, null),
                Arguments.of("abc?def", MatchType.REGEXP, "^abc[^/]def$"),
                Arguments.of("**/foo/bar", MatchType.SUFFIX, null),
                Arguments.of("a(b)c/def", MatchType.EXACT, null),
                Arguments.of("a.|)$(}+{bc", MatchType.EXACT, null),
                Arguments.of("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", MatchType.EXACT, null));
    }

    @ParameterizedTest(name = "compile {0}")
    @MethodSource("compileCases")
    void compile(String pattern, MatchType type, String goRegexp) {
        IgnorePattern compiled = new IgnorePattern(GoPaths.clean(pattern), false);
        assertThat(compiled.matchType()).isEqualTo(type);
        assertThat(compiled.goRegexp()).isEqualTo(goRegexp);
    }

    /** Regression test for moby/moby#52203: a pattern that passes the syntax check but does not compile. */
    @Test
    void malformedExpressionFailsOnEveryMatch() {
        PatternMatcher pm = PatternMatcher.of(List.of("[Local-Only]/"));
        assertThatThrownBy(() -> pm.matchesOrParentMatches("x")).hasMessageContaining("syntax error in pattern");
        assertThatThrownBy(() -> pm.matchesOrParentMatches("x")).hasMessageContaining("syntax error in pattern");
    }

    /** Go's package-level {@code Matches}: clean, never the root, then the deprecated matcher. */
    private static boolean matches(String file, String... patterns) {
        String cleaned = GoPaths.clean(file);
        return !cleaned.equals(".") && PatternMatcher.of(List.of(patterns)).matches(cleaned);
    }
}
