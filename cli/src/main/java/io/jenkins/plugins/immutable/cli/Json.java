package io.jenkins.plugins.immutable.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON documents of {@code --output json}. Written field by field rather than by serialising the engine's
 * records, so the shapes are the ones the README documents and scripts rely on, whatever the engine's records become.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build(String image, BuildResult result) {
        Release release = result.release();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("releaseId", release.id());
        node.put("app", release.app());
        node.put("image", image);
        node.put("digest", release.digest().value());
        node.put("ref", release.ref().toString());
        node.put("inputDigest", text(release.inputDigest()));
        node.put("reused", result.reused());
        node.put("sourceUri", release.sourceUri());
        node.put("sourceRevision", release.sourceRevision());
        node.put("created", instant(release.created()));
        node.put("builderId", release.builderId());
        node.put("release", text(result.releaseFile()));
        node.put("provenance", text(result.provenanceFile()));
        node.put("signed", result.signed());
        node.put("keyId", result.keyId());
        node.put("attestation", text(result.attestationFile()));
        return node;
    }

    /** {@code keygen}: {@code privateKey, publicKey, keyId} (paths, and the id; never key material). */
    static ObjectNode keygen(io.jenkins.plugins.immutable.engine.api.SigningKeys.Generated keys) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("privateKey", keys.privateKey().toString());
        node.put("publicKey", keys.publicKey().toString());
        node.put("keyId", keys.keyId());
        return node;
    }

    static ObjectNode environment(EnvironmentView view) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("env", view.environment());
        node.set("active", colour(view.active()));
        node.set("previous", colour(view.previous()));
        node.set("preview", colour(view.preview()));
        if (view.switchMillis() == null) {
            node.putNull("switchMillis");
        } else {
            node.put("switchMillis", view.switchMillis());
        }
        node.put("routerLive", view.routerLive());
        if (view.canary() != null) {
            node.set("canary", canary(view.canary()));
        }
        ArrayNode notes = node.putArray("notes");
        view.notes().forEach(notes::add);
        Disagreement.of(view).ifPresent(notes::add);
        return node;
    }

    /** {@code {releaseId, colour, outcome, steps: [{step, share, requests, errors, p99Millis, verdict, at, reason}]}}. */
    private static ObjectNode canary(CanaryReport canary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("releaseId", canary.releaseId());
        node.put("colour", canary.colour().label());
        node.put("outcome", canary.outcome());
        ArrayNode steps = node.putArray("steps");
        for (CanaryReport.Step step : canary.steps()) {
            ObjectNode row = steps.addObject();
            row.put("step", step.step());
            row.put("share", step.share());
            row.put("requests", step.requests());
            row.put("errors", step.errors());
            row.put("p99Millis", step.p99Millis());
            row.put("verdict", step.verdict());
            row.put("at", instant(step.at()));
            row.put("reason", step.reason());
        }
        return node;
    }

    private static JsonNode colour(ColourView colour) {
        if (colour == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("colour", colour.colour().label());
        node.put("state", colour.state().name());
        node.put("releaseId", colour.releaseId());
        node.put("ref", text(colour.ref()));
        node.put("container", colour.container());
        node.put("hostPort", colour.hostPort());
        node.put("since", instant(colour.since()));
        return node;
    }

    /**
     * One element of {@code releases --output json}, field by field straight into {@code g}: listing 100,000
     * releases then builds and copies no tree per release.
     */
    static void writeRelease(com.fasterxml.jackson.core.JsonGenerator g, ReleaseListing listing) throws java.io.IOException {
        Release release = listing.release();
        g.writeStartObject();
        g.writeStringField("id", release.id());
        g.writeStringField("app", release.app());
        g.writeStringField("ref", release.ref().toString());
        g.writeStringField("digest", release.digest().value());
        g.writeStringField("inputDigest", text(release.inputDigest()));
        g.writeStringField("sourceUri", release.sourceUri());
        g.writeStringField("sourceRevision", release.sourceRevision());
        g.writeStringField("created", instant(release.created()));
        g.writeStringField("builderId", release.builderId());
        writePlacements(g, listing.placements());
        g.writeEndObject();
    }

    /** The names of a release's fields, encoded once: written 100,000 times by a listing. */
    private static final com.fasterxml.jackson.core.io.SerializedString ID = new com.fasterxml.jackson.core.io.SerializedString("id"),
            APP = new com.fasterxml.jackson.core.io.SerializedString("app"),
            REF = new com.fasterxml.jackson.core.io.SerializedString("ref"),
            DIGEST = new com.fasterxml.jackson.core.io.SerializedString("digest"),
            INPUT_DIGEST = new com.fasterxml.jackson.core.io.SerializedString("inputDigest"),
            SOURCE_URI = new com.fasterxml.jackson.core.io.SerializedString("sourceUri"),
            SOURCE_REVISION = new com.fasterxml.jackson.core.io.SerializedString("sourceRevision"),
            CREATED = new com.fasterxml.jackson.core.io.SerializedString("created"),
            BUILDER_ID = new com.fasterxml.jackson.core.io.SerializedString("builderId"),
            PLACEMENTS = new com.fasterxml.jackson.core.io.SerializedString("placements");

    /**
     * The same element as {@link #writeRelease(com.fasterxml.jackson.core.JsonGenerator, ReleaseListing)}, from the
     * release as stored: each value's escaped UTF-8 bytes go between quotes as they are ({@code writeRawUTF8String}),
     * since the ledger's escaping is this generator's (see {@link StoredRelease}). Nothing is decoded, allocated or
     * escaped per release. For the elements {@link ReleaseArrayWriter} does not lay out itself (a release that runs
     * somewhere); {@code ReleaseArrayWriterTest} holds the writers to the same bytes.
     */
    static void writeRelease(com.fasterxml.jackson.core.JsonGenerator g, StoredRelease release,
            List<ReleaseListing.Placement> placements) throws java.io.IOException {
        g.writeStartObject();
        copy(g, ID, release, StoredRelease.Field.ID);
        copy(g, APP, release, StoredRelease.Field.APP);
        copy(g, REF, release, StoredRelease.Field.REF);
        copy(g, DIGEST, release, StoredRelease.Field.DIGEST);
        copy(g, INPUT_DIGEST, release, StoredRelease.Field.INPUT_DIGEST);
        copy(g, SOURCE_URI, release, StoredRelease.Field.SOURCE_URI);
        copy(g, SOURCE_REVISION, release, StoredRelease.Field.SOURCE_REVISION);
        copy(g, CREATED, release, StoredRelease.Field.CREATED);
        copy(g, BUILDER_ID, release, StoredRelease.Field.BUILDER_ID);
        writePlacements(g, placements);
        g.writeEndObject();
    }

    private static void copy(com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.core.io.SerializedString name,
            StoredRelease release, StoredRelease.Field field) throws java.io.IOException {
        g.writeFieldName(name);
        int length = release.length(field);
        if (length < 0) {
            g.writeNull();
        } else {
            g.writeRawUTF8String(release.utf8(), release.start(field), length);
        }
    }

    private static void writePlacements(com.fasterxml.jackson.core.JsonGenerator g, List<ReleaseListing.Placement> placements)
            throws java.io.IOException {
        g.writeFieldName(PLACEMENTS);
        g.writeStartArray();
        for (ReleaseListing.Placement placement : placements) {
            g.writeStartObject();
            g.writeStringField("env", placement.environment());
            g.writeStringField("colour", placement.colour().label());
            g.writeStringField("state", placement.state().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Writes one element of a listing on its own, pretty-printed as {@link ReleaseArrayWriter} copies it in: at the top
     * level, Jackson's default pretty printer indents an object as it does inside the top-level array.
     */
    static void writeElement(java.io.OutputStream out, ElementWriter element) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            element.write(g);
        }
    }

    /** Writes one JSON value into the generator. */
    interface ElementWriter {
        void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException;
    }

    static ArrayNode history(List<DeploymentRecord> records) {
        ArrayNode array = MAPPER.createArrayNode();
        for (DeploymentRecord record : records) {
            ObjectNode node = array.addObject();
            node.put("at", instant(record.at()));
            node.put("env", record.environment());
            node.put("colour", record.colour() == null ? null : record.colour().label());
            node.put("releaseId", record.releaseId());
            node.put("ref", text(record.ref()));
            node.put("state", record.state() == null ? null : record.state().name());
            node.put("detail", record.detail());
        }
        return array;
    }

    static ObjectNode verify(VerifyResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ref", result.ref().toString());
        node.put("provenance", text(result.provenance()));
        node.put("source", result.provenance() == null ? "registry" : "file");
        ArrayNode checks = node.putArray("checks");
        for (VerifyResult.Check check : result.checks()) {
            ObjectNode item = checks.addObject();
            item.put("name", check.name());
            item.put("passed", check.passed());
            item.put("detail", check.detail());
        }
        node.put("passed", result.passed());
        return node;
    }

    /** {@code drift}: {@code env, findings, repaired, remaining, drifted, notes}. */
    static ObjectNode drift(DriftReport report) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("env", report.environment());
        node.set("findings", findings(report.findings()));
        ArrayNode repaired = node.putArray("repaired");
        report.repaired().forEach(repaired::add);
        node.set("remaining", findings(report.remaining()));
        node.put("drifted", report.drifted());
        ArrayNode notes = node.putArray("notes");
        report.notes().forEach(notes::add);
        return node;
    }

    private static ArrayNode findings(List<DriftFinding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (DriftFinding finding : findings) {
            ObjectNode item = array.addObject();
            item.put("kind", finding.kind().name());
            item.put("colour", finding.colour() == null ? null : finding.colour().label());
            item.put("container", finding.container());
            item.put("what", finding.what());
            item.put("expected", finding.expected());
            item.put("found", finding.found());
        }
        return array;
    }

    /** What a failed command prints on stdout in JSON mode, so a script always has one document to parse. */
    static String error(int exitCode, String kind, List<String> lines) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode error = node.putObject("error");
        error.put("exitCode", exitCode);
        error.put("kind", kind);
        error.put("message", String.join("\n", lines));
        return write(node);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
