package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reads a {@link Release} field by field from the token stream. Releases are what a journal holds most of (100,000
 * must load well under two seconds), and binding them by hand costs a fraction of Jackson's general record binding.
 * It calls the canonical constructor, so a component added to {@code Release} breaks the build here rather than
 * being silently dropped. Unknown fields are skipped; a missing or invalid one fails naming the field.
 */
final class ReleaseDeserializer extends StdDeserializer<Release> {

    private static final long serialVersionUID = 1L;

    ReleaseDeserializer() {
        super(Release.class);
    }

    @Override
    public Release deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        }
        String id = null;
        String app = null;
        ImageRef ref = null;
        Digest inputDigest = null;
        String sourceUri = null;
        String sourceRevision = null;
        Instant created = null;
        String builderId = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p, field);
                case "app" -> app = text(p, field);
                case "ref" -> ref = value(p, field, LedgerJson::imageRef);
                case "inputDigest" -> inputDigest = value(p, field, Digest::parse);
                case "sourceUri" -> sourceUri = text(p, field);
                case "sourceRevision" -> sourceRevision = text(p, field);
                case "created" -> created = value(p, field, LedgerJson::instant);
                case "builderId" -> builderId = text(p, field);
                default -> p.skipChildren(); // a field of a newer version
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw JsonMappingException.from(p, "a release is a JSON object");
        }
        try {
            return new Release(id, app, ref, inputDigest, sourceUri, sourceRevision, created, builderId);
        } catch (NullPointerException e) {
            throw JsonMappingException.from(p, "the release has no \"" + e.getMessage() + "\"");
        }
    }

    private static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw inField(JsonMappingException.from(p, "expected text, found " + t), field);
        }
        return p.getText();
    }

    private static <T> T value(JsonParser p, String field, Function<String, T> parser) throws IOException {
        String text = text(p, field);
        try {
            return text == null ? null : parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw inField(JsonMappingException.from(p, e.getMessage(), e), field);
        }
    }

    /** Names the field in the exception's path, so the journal's error says which one was wrong. */
    private static JsonMappingException inField(JsonMappingException e, String field) {
        e.prependPath(Release.class, field);
        return e;
    }
}
