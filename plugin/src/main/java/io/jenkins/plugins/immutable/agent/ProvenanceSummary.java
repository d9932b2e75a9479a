package io.jenkins.plugins.immutable.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few facts of a SLSA provenance statement the build record shows: who built the image, from which revision,
 * in which invocation, when. Read leniently: a field the statement lacks is {@code null}, never a failure, because
 * the record is a summary and the full statement is archived beside it.
 */
record ProvenanceSummary(String builderId, String invocationId, String sourceRevision, String startedOn, String finishedOn) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ProvenanceSummary read(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null) {
            return new ProvenanceSummary(null, null, null, null, null);
        }
        JsonNode predicate = root.path("predicate");
        JsonNode run = predicate.path("runDetails");
        return new ProvenanceSummary(
                text(run.path("builder").path("id")),
                text(run.path("metadata").path("invocationId")),
                text(predicate.path("buildDefinition").path("externalParameters").path("source").path("revision")),
                text(run.path("metadata").path("startedOn")),
                text(run.path("metadata").path("finishedOn")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
