package io.jenkins.plugins.immutable.engine.inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A port of {@code PatternMatcher} in github.com/moby/patternmatcher ({@code patternmatcher.go}), Unix flavour: the
 * patterns are tried in order, the last one that matches decides ({@code !} re-includes), and a pattern that
 * matches a parent directory matches everything below it. The four entry points are kept apart because Docker uses
 * them in different places and they differ in corner cases: {@link #matches} (the deprecated one, used by the CLI
 * to decide whether the Dockerfile needs a {@code !} exception), {@link #matchesOrParentMatches} (used by the
 * daemon to drop the Dockerfile and {@code .dockerignore}), {@link #matchesUsingParentResults} (used by the archive
 * walk that builds the context the CLI sends) and {@link #matchesExact}.
 */
final class PatternMatcher {

    private final List<IgnorePattern> patterns;
    private final boolean exclusions;

    private PatternMatcher(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
    }

    /**
     * Go's {@code New}: trims and cleans each pattern, drops empty ones, checks the syntax.
     *
     * @throws IllegalArgumentException for a lone {@code !} or a malformed glob, saying which
     */
    static PatternMatcher of(List<String> lines) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : lines) {
            String p = GoPaths.trimSpace(line);
            if (p.isEmpty()) {
                continue;
            }
            p = GoPaths.clean(p);
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                if (p.length() == 1) {
                    throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
                }
                p = p.substring(1);
            }
            if (GoPaths.isMalformedGlob(p)) {
                throw new IllegalArgumentException("syntax error in pattern '" + line.strip() + "'");
            }
            compiled.add(new IgnorePattern(p, exclusion));
        }
        return new PatternMatcher(compiled);
    }

    List<IgnorePattern> patterns() {
        return patterns;
    }

    /** Whether any pattern is an exception ({@code !…}). */
    boolean exclusions() {
        return exclusions;
    }

    /** The path or one of its parent directories is matched, and no later exception re-includes it. */
    boolean matchesOrParentMatches(String file) {
        String[] parents = parentDirs(file);
        boolean matched = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() != matched) {
                continue; // an inclusion cannot change a match, nor an exception a non-match
            }
            boolean match = pattern.matches(file);
            for (int i = 0; !match && i < parents.length; i++) {
                match = pattern.matches(String.join("/", Arrays.copyOf(parents, i + 1)));
            }
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /** Go's deprecated {@code Matches}: checks only the parent prefix as deep as the pattern. */
    boolean matches(String file) {
        String[] parents = parentDirs(file);
        boolean matched = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(file);
            if (!match && parents.length > 0 && pattern.dirCount() <= parents.length) {
                match = pattern.matches(String.join("/", Arrays.copyOf(parents, pattern.dirCount())));
            }
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /** Only the path itself, no parents. */
    boolean matchesExact(String file) {
        boolean matched = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() == matched && pattern.matches(file)) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /**
     * Matches {@code file} reusing what each pattern did for its parent directory, as a directory walk does.
     *
     * @param parent what this returned for the parent directory; {@code null} at the top, which falls back to
     *               checking the parents as {@link #matchesOrParentMatches} does
     */
    MatchInfo matchesUsingParentResults(String file, MatchInfo parent) {
        boolean[] perPattern = new boolean[patterns.size()];
        boolean matched = false;
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parent != null && parent.perPattern[i];
            if (!match) {
                if (pattern.exclusion() != matched) {
                    continue;
                }
                match = pattern.matches(file);
                if (!match && parent == null) {
                    String[] parents = parentDirs(file);
                    for (int k = 0; !match && k < parents.length; k++) {
                        match = pattern.matches(String.join("/", Arrays.copyOf(parents, k + 1)));
                    }
                }
            }
            perPattern[i] = match;
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return new MatchInfo(matched, perPattern);
    }

    /**
     * Go's {@code MatchInfo} plus the verdict.
     *
     * @param excluded   whether the path is excluded
     * @param perPattern per pattern, whether it matched the path or (as far as it was evaluated) a parent
     */
    record MatchInfo(boolean excluded, boolean[] perPattern) {
    }

    /** The components of {@code filepath.Dir(file)}, none when it is {@code "."}. */
    private static String[] parentDirs(String file) {
        String parent = GoPaths.dir(file);
        return parent.equals(".") ? new String[0] : parent.split("/", -1);
    }
}
