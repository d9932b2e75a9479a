package io.jenkins.plugins.immutable.engine.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.ledger.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code release.json} and {@code provenance.intoto.json} into an output folder, each file atomically. */
final class ReleaseFiles {

    static final String RELEASE = "release.json";
    static final String PROVENANCE = "provenance.intoto.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReleaseFiles() {
    }

    /** The files as written: {@code [release.json, provenance.intoto.json]}. */
    static Path[] write(Path dir, Release release, boolean reused, String provenanceJson) throws ReleaseException {
        try {
            Files.createDirectories(dir);
            Path releaseFile = dir.resolve(RELEASE);
            Path provenanceFile = dir.resolve(PROVENANCE);
            AtomicFiles.write(releaseFile, render(release, reused).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(provenanceFile, provenanceJson.getBytes(StandardCharsets.UTF_8));
            return new Path[] {releaseFile, provenanceFile};
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to write release.json and provenance.intoto.json to " + dir
                    + " but failed (" + e.getMessage() + "). Choose a writable output folder.", e);
        }
    }

    static final String ATTESTATION = "provenance.intoto.dsse.json";

    /** {@code provenance.intoto.dsse.json}: the signed envelope, byte for byte as the registry holds it. */
    static Path writeAttestation(Path dir, byte[] envelopeJson) throws ReleaseException {
        Path file = dir.resolve(ATTESTATION);
        try {
            AtomicFiles.write(file, envelopeJson);
            return file;
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to write " + file + " but failed (" + e.getMessage()
                    + "). Choose a writable output folder.", e);
        }
    }

    static String render(Release release, boolean reused) {
        ObjectNode root = JSON.createObjectNode();
        root.put("releaseId", release.id());
        root.put("app", release.app());
        root.put("image", release.ref().repository());
        root.put("digest", release.digest().value());
        root.put("ref", release.ref().toString());
        root.put("inputDigest", release.inputDigest() == null ? null : release.inputDigest().value());
        root.put("sourceUri", release.sourceUri());
        root.put("sourceRevision", release.sourceRevision());
        root.put("created", release.created().toString());
        root.put("builderId", release.builderId());
        root.put("reused", reused);
        root.put("provenance", PROVENANCE);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
