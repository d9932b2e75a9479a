package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code provenance/<releaseId>.intoto.json}: each release's in-toto statement, kept byte for byte as written (its
 * digest may be checked later), replaced atomically.
 */
final class ProvenanceStore {

    static final String FOLDER = "provenance";
    static final String SUFFIX = ".intoto.json";

    private final StateFolder folder;

    ProvenanceStore(StateFolder folder) {
        this.folder = folder;
    }

    Path file(String releaseId) throws ReleaseException {
        return folder.file(FOLDER).resolve(FileNames.releaseId(releaseId) + SUFFIX);
    }

    Path write(String releaseId, String statementJson) throws ReleaseException {
        Path file = file(releaseId);
        folder.subfolder(FOLDER);
        try {
            AtomicFiles.write(file, statementJson.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to write " + file + " but failed because " + JournalReader.reason(e)
                    + ": check the free space and permissions of the state folder.", e);
        }
    }

    Optional<String> read(String releaseId) throws ReleaseException {
        Path file = file(releaseId);
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to read " + file + " but failed because " + JournalReader.reason(e)
                    + ": check that the state folder is readable.", e);
        }
    }
}
