package io.jenkins.plugins.immutable.engine.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Reading {@code .dockerignore} (the cases of BuildKit's {@code dockerignore_test.go} and patternmatcher's
 * {@code ignorefile_test.go}) and the everyday semantics users rely on.
 */
class DockerIgnoreTest {

    @Test
    void readAllAsBuildKitDoes() {
        String content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! \n";
        assertThat(DockerIgnore.readAll(content))
                .containsExactly("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!");
    }

    @Test
    void readAllWithoutFinalNewline() {
        assertThat(DockerIgnore.readAll("test1\n/test2\n! ")).containsExactly("test1", "test2", "!");
        assertThat(DockerIgnore.readAll("")).isEmpty();
    }

    @Test
    void byteOrderMarkCarriageReturnsAndWhitespace() {
        assertThat(DockerIgnore.readAll("\uFEFFfirst\r\n\t second \t\r\n  \r\n"))
                .containsExactly("first", "second");
    }

    @Test
    void commentOnlyWhenHashIsTheFirstCharacter() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("# a comment\n  #not-a-comment\n");
        assertThat(ignore.patterns()).containsExactly("#not-a-comment");
        assertThat(ignore.excludes("#not-a-comment")).isTrue();
        assertThat(ignore.excludes("# a comment")).isFalse();
    }

    @Test
    void patternsAreCleaned() {
        assertThat(DockerIgnore.readAll("./a/../b/\n/c//d/.\n!/e/\n/\n"))
                .containsExactly("b", "c/d", "!e", "/");
    }

    @Test
    void loneExclamationMarkIsRejected() {
        assertThatThrownBy(() -> DockerIgnore.parse("a\n!\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("context: .dockerignore: illegal exclusion pattern")
                .hasMessageContaining("fix or remove that pattern");
    }

    @Test
    void malformedClassIsRejected() {
        assertThatThrownBy(() -> DockerIgnore.parse("ok\nsrc/[abc\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("syntax error in pattern 'src/[abc'");
    }

    @Test
    void doubleStarMatchesAtAnyDepth() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("**/*.log\n");
        assertThat(ignore.excludes("app.log")).isTrue();
        assertThat(ignore.excludes("a/b/c/app.log")).isTrue();
        assertThat(ignore.excludes("app.log.txt")).isFalse();
        assertThat(ignore.excludes("logs")).isFalse();
    }

    @Test
    void exceptionReincludesAndLastMatchWins() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("*.log\n!keep.log\n");
        assertThat(ignore.excludes("debug.log")).isTrue();
        assertThat(ignore.excludes("keep.log")).isFalse();

        DockerIgnore reversed = DockerIgnore.parse("!keep.log\n*.log\n");
        assertThat(reversed.excludes("keep.log")).isTrue();
    }

    @Test
    void singleStarStaysInOneFolder() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("*.log\n");
        assertThat(ignore.excludes("debug.log")).isTrue();
        assertThat(ignore.excludes("sub/debug.log")).isFalse();
    }

    @Test
    void folderWithOrWithoutTrailingSlashExcludesItsContent() throws Exception {
        for (String pattern : new String[] {"dir", "dir/"}) {
            DockerIgnore ignore = DockerIgnore.parse(pattern + "\n");
            assertThat(ignore.patterns()).containsExactly("dir");
            assertThat(ignore.excludes("dir")).isTrue();
            assertThat(ignore.excludes("dir/a/b.txt")).isTrue();
            assertThat(ignore.excludes("dirt")).isFalse();
            assertThat(ignore.excludes("other/dir")).isFalse();
        }
    }

    @Test
    void leadingSlashIsRelativeToTheContext() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("/secret.txt\n");
        assertThat(ignore.patterns()).containsExactly("secret.txt");
        assertThat(ignore.excludes("secret.txt")).isTrue();
        assertThat(ignore.excludes("sub/secret.txt")).isFalse();
    }

    @Test
    void contextRootIsNeverExcluded() throws Exception {
        assertThat(DockerIgnore.parse("**\n").excludes(".")).isFalse();
        assertThat(DockerIgnore.parse("**\n").excludes("")).isFalse();
    }

    @Test
    void buildFilesAreKeptWhenExcluded() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("*\n").keepingBuildFiles("Dockerfile");
        assertThat(ignore.patterns()).containsExactly("*", "!.dockerignore", "!Dockerfile");
        assertThat(ignore.excludes("Dockerfile")).isFalse();
        assertThat(ignore.excludes(".dockerignore")).isFalse();
        assertThat(ignore.excludes("other")).isTrue();
    }

    @Test
    void buildFilesAreNotAddedWhenNotExcluded() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("*.log\n");
        assertThat(ignore.keepingBuildFiles("Dockerfile")).isSameAs(ignore);
    }

    @Test
    void dockerfileBelowAnExcludedFolderIsKept() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("build\n").keepingBuildFiles("build/Dockerfile");
        assertThat(ignore.patterns()).containsExactly("build", "!build/Dockerfile");
    }

    @Test
    void dockerfileExcludedOnlyByADeeperPatternIsNotRescued() throws Exception {
        // The CLI's deprecated Matches checks the parent only as deep as the pattern: x/**/z (3 parts) against
        // x/z/Dockerfile's parent x/z (2 parts) is not checked, so no '!x/z/Dockerfile' is added.
        DockerIgnore ignore = DockerIgnore.parse("x/**/z\n").keepingBuildFiles("x/z/Dockerfile");
        assertThat(ignore.patterns()).containsExactly("x/**/z");
    }
}
