package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.StoredRelease.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The stored places are what a listing uses, not a second scan: a row whose places fit is taken from them even where
 * its body could not be scanned, and one whose places do not fit its body is scanned (or refused).
 */
class StoredReleaseBodyTest {

    private final Release release = Samples.release(3);
    private final String body = LedgerTables.json(release);
    private final String places = StoredReleaseBody.fields(utf8(body));

    @Test
    void placesAreFoundOnceAndPointAtEachValue() {
        StoredReleaseBody row = new StoredReleaseBody();

        assertThat(places).hasSize(8 * Field.values().length).matches("[0-9a-f]+");
        assertThat(row.take(utf8(places + body))).isTrue();
        assertThat(text(row, Field.ID)).isEqualTo(release.id());
        assertThat(text(row, Field.REF)).isEqualTo(release.ref().toString());
        assertThat(text(row, Field.DIGEST)).isEqualTo(release.digest().value());
        assertThat(text(row, Field.CREATED)).isEqualTo(release.created().toString());
        assertThat(row.id()).isEqualTo(release.id());
    }

    @Test
    void storedPlacesAreTakenWithoutScanningTheBody() {
        // Trailing text makes the body unscannable; places that fit it are still used: the fast way was taken.
        assertThat(new StoredReleaseBody().take(utf8(body + " x"))).isFalse();
        StoredReleaseBody row = new StoredReleaseBody();
        assertThat(row.take(utf8(places + body + " x"))).isTrue();
        assertThat(text(row, Field.BUILDER_ID)).isEqualTo(release.builderId());
    }

    @Test
    void placesThatDoNotFitTheBodyAreNotTrusted() {
        String shifted = " " + body; // every value one byte further than the places say
        StoredReleaseBody row = new StoredReleaseBody();

        assertThat(row.take(utf8(places + shifted))).isTrue(); // scanned instead: still right
        assertThat(text(row, Field.ID)).isEqualTo(release.id());
        assertThat(row.take(utf8(places + shifted + " x"))).isFalse(); // neither fits nor scans
        assertThat(row.take(utf8(places.substring(0, 20) + "zzzz" + places.substring(24) + body))).isTrue();
        assertThat(text(row, Field.APP)).isEqualTo(release.app());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StoredReleaseBody row, Field field) {
        return new String(row.utf8(), row.start(field), row.length(field), StandardCharsets.UTF_8);
    }
}
