package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one JSON mapping of every ledger file. The api values carry no Jackson annotations (the api package must not
 * depend on Jackson), so their text forms are declared here: {@link Digest} and {@link ImageRef} as their strings,
 * {@link Instant} and {@link java.time.Duration} as ISO-8601 text; {@link Release} is read by hand for speed
 * ({@link ReleaseDeserializer}). Records are otherwise mapped by their components, nulls left out.
 */
final class LedgerJson {

    /** Thread-safe once configured; shared by every reader and writer of the package. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(valuesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Files written by a newer engine may carry fields this one does not know: read what we know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final int MAX_SHARED = 4096;
    private static final Map<String, String> REPOSITORIES = new ConcurrentHashMap<>();

    private LedgerJson() {
    }

    /** Builds {@link #MAPPER} now (calling it initialises the class), on a thread that has nothing better to do. */
    static void warmUp() {
        // the class initialisation is the work
    }

    private static SimpleModule valuesModule() {
        SimpleModule module = new SimpleModule("immutable-release-values");
        module.addSerializer(Digest.class, ToStringSerializer.instance);
        module.addSerializer(ImageRef.class, ToStringSerializer.instance);
        module.addDeserializer(Digest.class, new FromString<>(Digest.class, Digest::parse));
        module.addDeserializer(ImageRef.class, new FromString<>(ImageRef.class, LedgerJson::imageRef));
        // Registered after JavaTimeModule, so this one wins for Instant.
        module.addDeserializer(Instant.class, new FromString<>(Instant.class, LedgerJson::instant));
        module.addDeserializer(Release.class, new ReleaseDeserializer());
        return module;
    }

    /**
     * {@link ImageRef#parse}, but with the repository shared between references: a journal names a few repositories
     * thousands of times, and each reference is validated once instead of parsed and then re-made.
     */
    static ImageRef imageRef(String text) {
        int at = text.indexOf('@');
        if (at < 0 || text.lastIndexOf(':', at) > text.lastIndexOf('/', at)) {
            return ImageRef.parse(text); // no digest, or a tag to drop: the api's parser says what is wrong or drops it
        }
        String repository = text.substring(0, at);
        String shared = REPOSITORIES.get(repository);
        if (shared == null) {
            shared = repository;
            if (REPOSITORIES.size() < MAX_SHARED) {
                REPOSITORIES.putIfAbsent(repository, repository);
            }
        }
        try {
            return new ImageRef(shared, Digest.parse(text.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            return ImageRef.parse(text); // for the api's own message
        }
    }

    static Instant instant(String text) {
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant such as 2025-05-01T10:00:00Z", e);
        }
    }

    /** Reads a value from its string form with the value's own validating parser. */
    private static final class FromString<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient Function<String, T> parser;

        FromString(Class<T> type, Function<String, T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                // The value's own message says what was wrong and what is expected: keep it as the whole message.
                throw InvalidFormatException.from(p, e.getMessage(), text, handledType());
            }
        }
    }
}
