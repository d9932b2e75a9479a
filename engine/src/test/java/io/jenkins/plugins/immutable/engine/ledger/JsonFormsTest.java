package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written readers (instants, image references, releases) agree with the general ones and fail as clearly. */
class JsonFormsTest {

    @Test
    void instantsReadAsTheJdkReadsThem() {
        for (String text : List.of("2025-05-01T10:00:00Z", "2025-05-01T10:00:00.1Z", "2025-05-01T10:00:00.120Z",
                "2025-05-01T10:00:00.123456Z", "2025-05-01T10:00:00.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "2024-02-29T23:59:59Z", "9999-12-31T23:59:59.999999999Z",
                // Outside the fast path's form, left to the JDK, which accepts them:
                "2025-05-01T24:00:00Z", "2025-05-01T10:00:00.Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoInstants.parse("2025-05-01T12:00:00+02:00")).isEqualTo(Instant.parse("2025-05-01T10:00:00Z"));
        for (String bad : List.of("2025-02-30T10:00:00Z", "2025-05-01 10:00:00Z", "2025-05-01T10:00:00.1234567890Z", "yesterday")) {
            assertThatThrownBy(() -> IsoInstants.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void imageReferencesReadAsTheApiParsesThemAndShareTheirRepository() {
        String digest = Samples.digest("x").value();
        for (String text : List.of(Samples.REPOSITORY + "@" + digest, "shop@" + digest, "localhost:5000@" + digest,
                "127.0.0.1:5000/shop:1.0@" + digest)) {
            assertThat(LedgerJson.imageRef(text)).as(text).isEqualTo(ImageRef.parse(text));
        }
        assertThat(LedgerJson.imageRef(Samples.REPOSITORY + "@" + digest).repository())
                .isSameAs(LedgerJson.imageRef(Samples.REPOSITORY + "@" + Samples.digest("y").value()).repository());
        assertThatThrownBy(() -> LedgerJson.imageRef(Samples.REPOSITORY + ":1.0")).hasMessageContaining("is a tag");
        assertThatThrownBy(() -> LedgerJson.imageRef("Shop@" + digest)).hasMessageContaining("not a valid repository");
    }

    @Test
    void aReleaseWithAFieldMissingOrOfTheWrongKindNamesIt() {
        String json = LedgerTables.json(Samples.release(1));

        assertThatThrownBy(() -> decode(json.replaceFirst("\"created\":\"[^\"]*\",", "")))
                .hasMessageContaining("the release has no \"created\"");
        assertThatThrownBy(() -> decode(json.replaceFirst("\"app\":\"shop\"", "\"app\":{\"name\":\"shop\"}")))
                .isInstanceOfSatisfying(IOException.class, e -> assertThat(StateFolder.reason(e)).startsWith("field app: expected text"));
        assertThatThrownBy(() -> decode(json.replaceFirst("\"created\":\"2025", "\"created\":\"20x5")))
                .isInstanceOfSatisfying(IOException.class, e -> assertThat(StateFolder.reason(e))
                        .startsWith("field created: '20x5-").contains("is not an ISO-8601 instant"));
    }

    @Test
    void aReleaseReadsBackEqualAndSkipsFieldsOfANewerVersion() throws IOException {
        Release release = Samples.release(1);
        String json = LedgerTables.json(release);

        assertThat(decode(json)).isEqualTo(release);
        assertThat(decode("{\"futureField\":[1,{\"a\":2}]," + json.substring(1))).isEqualTo(release);
    }

    private static Object decode(String json) throws IOException {
        return LedgerJson.MAPPER.readerFor(Release.class).readValue(json);
    }
}
