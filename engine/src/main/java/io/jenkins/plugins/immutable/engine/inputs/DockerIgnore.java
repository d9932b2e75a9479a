package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of a {@code .dockerignore} file, read and matched exactly as the Docker CLI does when it sends a
 * build context. Reading ports {@code ReadAll} of github.com/moby/buildkit
 * ({@code frontend/dockerfile/dockerignore/dockerignore.go}, used by docker/cli's
 * {@code cli/command/image/build/dockerignore.go}): a UTF-8 BOM is dropped, lines starting with {@code #} are
 * comments, each line is trimmed, blank lines are skipped, a leading {@code !} marks an exception, the rest is
 * {@code filepath.Clean}ed and a leading {@code /} dropped. Matching is github.com/moby/patternmatcher, ported in
 * {@link PatternMatcher}: {@code *}, {@code ?}, {@code **}, classes, {@code \} escapes, last match wins, and a
 * matched directory excludes everything below it.
 */
public final class DockerIgnore {

    /** The file's name, at the root of the context. */
    public static final String FILE_NAME = ".dockerignore";

    private static final DockerIgnore NONE = new DockerIgnore(List.of(), PatternMatcher.of(List.of()));

    private final List<String> patterns;
    private final PatternMatcher matcher;

    private DockerIgnore(List<String> patterns, PatternMatcher matcher) {
        this.patterns = List.copyOf(patterns);
        this.matcher = matcher;
    }

    /** No patterns: everything is sent. */
    public static DockerIgnore none() {
        return NONE;
    }

    /**
     * Parses the content of a {@code .dockerignore} file.
     *
     * @throws InvalidInputException (field {@code context}) for a pattern Docker rejects: a lone {@code !} or a
     *                               malformed {@code [} class or trailing {@code \}
     */
    public static DockerIgnore parse(String content) throws InvalidInputException {
        return of(readAll(content));
    }

    /** Reads {@code .dockerignore} at the root of {@code contextDir}; {@link #none()} when there is none. */
    static DockerIgnore read(Path contextDir) throws InvalidInputException {
        Path file = contextDir.resolve(FILE_NAME);
        try {
            // Like the CLI (os.Open), a symbolic link is followed.
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            throw new InvalidInputException("context", "cannot read " + file + " (" + Failures.reason(e)
                    + "): make it a readable file, or remove it");
        }
    }

    /** The patterns as Docker keeps them after reading (trimmed, cleaned, {@code !} kept). */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * Whether {@code path} (relative to the context, {@code /}-separated) or one of its parent folders is
     * excluded. The context root itself never is. The walk that builds the context uses the same patterns but
     * carries each folder's result down to its children, which differs from this in rare orderings of
     * exceptions; {@link BuildContext#scan} reproduces that walk.
     *
     * @throws InvalidInputException when a pattern that had to be evaluated is not a valid expression
     */
    public boolean excludes(String path) throws InvalidInputException {
        String cleaned = GoPaths.clean(path);
        if (cleaned.equals(".")) {
            return false;
        }
        try {
            return matcher.matchesOrParentMatches(cleaned);
        } catch (IllegalArgumentException e) {
            throw badPattern(e);
        }
    }

    /**
     * The CLI's {@code TrimBuildFilesFromExcludes}: adds {@code !.dockerignore} and {@code !<dockerfile>} when the
     * patterns exclude them, so both are always sent (the daemon drops them again after reading them). It uses
     * the deprecated {@code Matches}, so a Dockerfile below a folder excluded by a deeper pattern is not rescued;
     * {@link BuildContext#scan} reports that.
     */
    DockerIgnore keepingBuildFiles(String relativeDockerfile) throws InvalidInputException {
        List<String> kept = new ArrayList<>(patterns);
        if (matchesDeprecated(FILE_NAME)) {
            kept.add("!" + FILE_NAME);
        }
        if (matchesDeprecated(relativeDockerfile)) {
            kept.add("!" + relativeDockerfile);
        }
        return kept.size() == patterns.size() ? this : of(kept);
    }

    PatternMatcher matcher() {
        return matcher;
    }

    /** Go's package-level {@code patternmatcher.Matches}; its errors are ignored by the CLI, so here too. */
    private boolean matchesDeprecated(String file) {
        String cleaned = GoPaths.clean(file);
        try {
            return !cleaned.equals(".") && matcher.matches(cleaned);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static InvalidInputException badPattern(IllegalArgumentException e) {
        return new InvalidInputException("context", ".dockerignore: " + e.getMessage()
                + ": fix or remove that pattern (docker build rejects it too)");
    }

    private static DockerIgnore of(List<String> patterns) throws InvalidInputException {
        try {
            return new DockerIgnore(patterns, PatternMatcher.of(patterns));
        } catch (IllegalArgumentException e) {
            throw badPattern(e);
        }
    }

    /** BuildKit's {@code ReadAll}: the patterns as written, before Docker compiles them. */
    static List<String> readAll(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.isEmpty() || text.endsWith("\n")) {
            lines.remove(lines.size() - 1); // Go's line scanner yields no empty last line
        }
        List<String> excludes = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("#")) {
                continue; // a comment only when '#' is the very first character
            }
            String pattern = GoPaths.trimSpace(line);
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = GoPaths.trimSpace(pattern.substring(1));
            }
            if (!pattern.isEmpty()) {
                pattern = GoPaths.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            excludes.add(invert ? "!" + pattern : pattern);
        }
        return excludes;
    }
}
