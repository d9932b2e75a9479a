package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code environments/<name>.json}: each environment's current state, of whatever Jackson-mappable type the deploy
 * stage defines, replaced atomically on every write.
 */
final class StateStore {

    static final String FOLDER = "environments";

    private final StateFolder folder;

    StateStore(StateFolder folder) {
        this.folder = folder;
    }

    Path file(String environment) throws ReleaseException {
        return folder.file(FOLDER).resolve(FileNames.environment(environment) + ".json");
    }

    /** The names of the environments that have a state, sorted. */
    List<String> environments() throws ReleaseException {
        Path dir = folder.file(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to list " + dir + " but failed because " + JournalReader.reason(e)
                    + ": check that the state folder is readable.", e);
        }
    }

    <T> Optional<T> read(String environment, Class<T> type) throws ReleaseException {
        Path file = file(environment);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to read " + file + " but failed because " + JournalReader.reason(e)
                    + ": check that the state folder is readable.", e);
        }
        try {
            T state = LedgerJson.MAPPER.readValue(json, type);
            if (state == null) {
                throw new IOException("the file holds no state");
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            throw new ReleaseException(Kind.BAD_INPUT, file + " is not a readable state of environment '" + environment + "' ("
                    + JournalReader.reason(e) + "); it was edited or damaged outside this tool. Restore it from a backup, or"
                    + " move it aside and deploy again to rebuild it (the history stays in " + Journal.FILE + ").", e);
        }
    }

    void write(String environment, Object state) throws ReleaseException {
        Path file = file(environment);
        byte[] json;
        try {
            json = LedgerJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalArgumentException("the state of " + environment + " cannot be written as JSON: " + e.getMessage(), e);
        }
        folder.subfolder(FOLDER);
        try {
            AtomicFiles.write(file, json);
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to write " + file + " but failed because " + JournalReader.reason(e)
                    + ": check the free space and permissions of the state folder. The previous state is intact.", e);
        }
    }
}
