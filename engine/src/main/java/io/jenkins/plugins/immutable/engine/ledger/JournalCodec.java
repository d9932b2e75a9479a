package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One journal line ⇄ one record. A line is a JSON object whose {@code type} field names the record ({@code release},
 * {@code deployment}, {@code intent}) and whose other fields are the record's. The writer puts {@code type} first so
 * the reader can pick the class and bind the rest in one streaming pass; a line from another writer with
 * {@code type} elsewhere still reads, through a tree.
 */
final class JournalCodec {

    /** What {@link #decode} returns for a well-formed line of a type this version does not know. */
    static final Object UNKNOWN_TYPE = new Object();

    static final String LEDGER_NAME = "immutable-release";
    static final int VERSION = 1;
    static final byte[] HEADER = ("{\"ledger\":\"" + LEDGER_NAME + "\",\"version\":" + VERSION + "}\n").getBytes(StandardCharsets.UTF_8);

    private static final Map<String, Class<?>> CLASSES = Map.of(
            "release", Release.class,
            "deployment", DeploymentRecord.class,
            "intent", Intent.class);
    private static final Map<Class<?>, String> TYPES = Map.of(
            Release.class, "release",
            DeploymentRecord.class, "deployment",
            Intent.class, "intent");
    private static final Map<Class<?>, ObjectReader> READERS = Map.of(
            Release.class, LedgerJson.MAPPER.readerFor(Release.class),
            DeploymentRecord.class, LedgerJson.MAPPER.readerFor(DeploymentRecord.class),
            Intent.class, LedgerJson.MAPPER.readerFor(Intent.class));

    private JournalCodec() {
    }

    /** The line for {@code record}, newline included. Jackson escapes newlines inside strings, so there is exactly one. */
    static byte[] encode(Object record) {
        String type = TYPES.get(record.getClass());
        if (type == null) {
            throw new IllegalArgumentException("the journal holds releases, deployments and intents, not " + record.getClass());
        }
        ObjectNode line = LedgerJson.MAPPER.createObjectNode();
        line.put("type", type);
        line.setAll((ObjectNode) LedgerJson.MAPPER.valueToTree(record));
        try {
            byte[] json = LedgerJson.MAPPER.writeValueAsBytes(line);
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + record + " as JSON", e);
        }
    }

    /**
     * The record on the line {@code bytes[offset, offset+length)} (no newline), or {@link #UNKNOWN_TYPE}.
     *
     * @throws IOException when the line is not JSON, or not a record of its type (the message says why)
     */
    static Object decode(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = LedgerJson.MAPPER.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a journal line is a JSON object");
            }
            if (p.nextToken() == JsonToken.FIELD_NAME && "type".equals(p.currentName())) {
                String name = p.nextTextValue();
                if (name == null) {
                    throw new JsonParseException(p, "\"type\" is not a string");
                }
                Class<?> type = CLASSES.get(name);
                p.nextToken();
                Object record;
                if (type == null) {
                    // Unknown to this version, but still checked to be whole JSON: only a crash may leave a bad line.
                    skipRest(p);
                    record = UNKNOWN_TYPE;
                } else {
                    record = READERS.get(type).readValue(p);
                    if (record == null) {
                        throw new JsonParseException(p, "the " + name + " record has no fields");
                    }
                }
                if (p.nextToken() != null) {
                    throw new JsonParseException(p, "text after the end of the record");
                }
                return record;
            }
        }
        return decodeTree(bytes, offset, length);
    }

    private static void skipRest(JsonParser p) throws IOException {
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "the line ends inside the record");
            }
            p.nextToken();
            p.skipChildren();
        }
    }

    private static Object decodeTree(byte[] bytes, int offset, int length) throws IOException {
        JsonNode node = LedgerJson.MAPPER.readTree(LedgerJson.MAPPER.createParser(bytes, offset, length));
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("a journal line is a JSON object");
        }
        JsonNode typeNode = object.remove("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new IOException("the line has no \"type\"");
        }
        Class<?> type = CLASSES.get(typeNode.asText());
        if (type == null) {
            return UNKNOWN_TYPE;
        }
        Object record = READERS.get(type).readValue(object);
        if (record == null) {
            throw new IOException("the " + typeNode.asText() + " record has no fields");
        }
        return record;
    }

    /** {@code true} when the line is this ledger's header, of a version this engine reads. */
    static HeaderCheck checkHeader(byte[] bytes, int offset, int length) {
        try {
            JsonNode node = LedgerJson.MAPPER.readTree(LedgerJson.MAPPER.createParser(bytes, offset, length));
            if (node == null || !LEDGER_NAME.equals(node.path("ledger").asText(null)) || !node.path("version").canConvertToInt()) {
                return new HeaderCheck(false, 0);
            }
            return new HeaderCheck(true, node.path("version").asInt());
        } catch (IOException e) {
            return new HeaderCheck(false, 0);
        }
    }

    /** What the first line said: whether it is our header, and its version. */
    record HeaderCheck(boolean ours, int version) {
    }
}
