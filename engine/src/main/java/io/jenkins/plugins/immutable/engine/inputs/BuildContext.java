package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A build context as the daemon receives it: the entries of the context folder left after {@code .dockerignore},
 * sorted by path, and where the Dockerfile is. Made by {@link #scan}, which follows docker/cli's
 * {@code runBuild} for a local folder: context and Dockerfile are resolved through symbolic links
 * ({@code ResolveAndValidateContextPath}, {@code getDockerfileRelPath}); {@code .dockerignore} at the context root
 * is read ({@code ReadDockerignore}); {@code !.dockerignore} and {@code !<Dockerfile>} are added when excluded
 * ({@code TrimBuildFilesFromExcludes}); and the folder is walked as moby's {@code pkg/archive} does
 * ({@link ContextWalk}).
 */
public final class BuildContext {

    private final Path directory;
    private final Path dockerfile;
    private final String dockerfileInContext;
    private final List<ContextEntry> entries;

    private BuildContext(Path directory, Path dockerfile, String dockerfileInContext, List<ContextEntry> entries) {
        this.directory = directory;
        this.dockerfile = dockerfile;
        this.dockerfileInContext = dockerfileInContext;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads what {@code docker build -f dockerfile contextDir} would send.
     *
     * @throws InvalidInputException (field {@code context} or {@code dockerfile}) when the folder or the Dockerfile
     *                               is missing, a pattern of {@code .dockerignore} is invalid, a file that would be
     *                               sent cannot be read (the message names it and says what to do), or
     *                               {@code .dockerignore} excludes the Dockerfile in a way Docker cannot undo
     */
    public static BuildContext scan(Path contextDir, Path dockerfile) throws InvalidInputException {
        return scan(contextDir, dockerfile, ContextWalk.ReadCheck.OPEN);
    }

    static BuildContext scan(Path contextDir, Path dockerfile, ContextWalk.ReadCheck readCheck) throws InvalidInputException {
        Path root = realFolder(contextDir);
        Path realDockerfile = realDockerfile(dockerfile);
        String relative = slashed(root.relativize(realDockerfile));
        boolean inside = realDockerfile.startsWith(root);

        DockerIgnore ignore = DockerIgnore.read(root).keepingBuildFiles(relative);
        List<ContextEntry> entries = new ArrayList<>(new ContextWalk(ignore.matcher(), readCheck).walk(root));
        entries.sort((a, b) -> ContextEntry.PATH_ORDER.compare(a.path(), b.path()));

        if (inside && entries.stream().noneMatch(e -> e.path().equals(relative))) {
            throw new InvalidInputException("dockerfile", "the Dockerfile " + relative + " lies in a folder that "
                    + DockerIgnore.FILE_NAME + " excludes, and Docker cannot send it from there (docker build fails"
                    + " the same way): add '!" + relative + "' after the pattern that excludes the folder, or move"
                    + " the Dockerfile");
        }
        return new BuildContext(root, realDockerfile, inside ? relative : null, entries);
    }

    /** The context folder, absolute, symbolic links resolved. */
    public Path directory() {
        return directory;
    }

    /** The Dockerfile, absolute, symbolic links resolved. */
    public Path dockerfile() {
        return dockerfile;
    }

    /** Whether the Dockerfile lies inside the context folder (and so is one of the {@link #entries()}). */
    public boolean dockerfileInContext() {
        return dockerfileInContext != null;
    }

    /** The Dockerfile's {@code /}-separated path inside the context; empty when it lies outside. */
    public Optional<String> dockerfilePath() {
        return Optional.ofNullable(dockerfileInContext);
    }

    /** What the daemon receives, sorted by {@link ContextEntry#PATH_ORDER}. */
    public List<ContextEntry> entries() {
        return entries;
    }

    /** The entry at {@code path}, if it is sent. */
    public Optional<ContextEntry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    private static Path realFolder(Path contextDir) throws InvalidInputException {
        try {
            Path real = contextDir.toAbsolutePath().toRealPath();
            if (!Files.isDirectory(real)) {
                throw new InvalidInputException("context", real + " is not a folder: expected the build context folder");
            }
            return real;
        } catch (IOException e) {
            throw new InvalidInputException("context", "cannot open the context folder " + contextDir.toAbsolutePath()
                    + " (" + Failures.reason(e) + "): expected an existing, readable folder");
        }
    }

    private static Path realDockerfile(Path dockerfile) throws InvalidInputException {
        try {
            Path real = dockerfile.toAbsolutePath().toRealPath();
            if (!Files.isRegularFile(real)) {
                throw new InvalidInputException("dockerfile", real + " is not a file: expected the Dockerfile");
            }
            return real;
        } catch (IOException e) {
            throw new InvalidInputException("dockerfile", "cannot open the Dockerfile " + dockerfile.toAbsolutePath()
                    + " (" + Failures.reason(e) + "): expected an existing, readable file");
        }
    }

    private static String slashed(Path relative) {
        return StreamSupport.stream(relative.spliterator(), false).map(Path::toString).collect(Collectors.joining("/"));
    }
}
