package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import io.jenkins.plugins.immutable.engine.api.StoredRelease.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The listing's copy of each stored release ({@link Ledger#forEachStoredReleaseNewestFirst}) against the records the
 * ledger reads ({@link Ledger#forEachReleaseNewestFirst}), on both back ends: every field's bytes are what Jackson
 * writes for the record's value, whether the row's field places are stored (V2), missing (a row from before V2), or
 * wrong; a damaged row still fails naming it.
 */
class StoredReleasesTest {

    @TempDir
    Path dir;

    private final Backends backends = new Backends();

    @AfterEach
    void dropDatabases() throws Exception {
        backends.close();
    }

    /** Releases whose text needs escaping, is not ASCII, or is missing. */
    static List<Release> varied() {
        List<Release> releases = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            releases.add(Samples.release(n));
        }
        Digest d1 = Samples.digest("unicode");
        releases.add(new Release(Release.idFor(d1), "café ünï \u007f \u2028 ✓", new ImageRef(Samples.REPOSITORY, d1), null,
                "https://git.example.com/équipe/shop.git", "rev \"quoted\" \\ back\tslash\nnew line \u0001",
                Samples.T0.plusSeconds(1000), "cli@hôte"));
        Digest d2 = Samples.digest("nulls");
        releases.add(new Release(Release.idFor(d2), "bare", new ImageRef("127.0.0.1:5000/bare", d2), null, null, null,
                java.time.Instant.parse("2025-05-01T10:00:00Z"), "cli@host"));
        Digest d3 = Samples.digest("same-instant");
        releases.add(new Release(Release.idFor(d3), "tie", new ImageRef(Samples.REPOSITORY, d3), Samples.digest("in"),
                "https://user@example.com/x.git", "0", Samples.T0.plusSeconds(3), "https://jenkins/job/x/1/"));
        Digest d4 = Samples.digest("astral");
        releases.add(new Release(Release.idFor(d4), "emoji", new ImageRef(Samples.REPOSITORY, d4), null, null,
                "beyond the BMP: \uD83D\uDE00", Samples.T0.plusSeconds(2000), "cli@host"));
        return releases;
    }

    /** The release whose text a byte generator escapes (surrogate pairs) unlike the stored text: read, not copied. */
    private static final String ASTRAL = Release.idFor(Samples.digest("astral"));

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void eachStoredReleaseCopiesWhatTheRecordWouldWrite(Backends.Kind kind) throws Exception {
        Ledger ledger = backends.open(backends.fresh(kind, dir));
        ledger.recordReleases(varied());

        assertCopiesMatchRecords(ledger, 9, List.of(ASTRAL));
        assertThat(fieldsStored(ledger)).isEqualTo(8); // not the one that cannot be copied
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void rowsWithoutOrWithWrongPlacesAreScanned(Backends.Kind kind) throws Exception {
        LedgerLocation location = backends.fresh(kind, dir);
        Ledger ledger = backends.open(location);
        ledger.recordReleases(varied());
        List<Release> v = varied();
        sql(ledger, "UPDATE releases SET fields = NULL WHERE id IN ('" + v.get(0).id() + "', '" + v.get(1).id() + "')"); // before V2
        sql(ledger, "UPDATE releases SET fields = 'zz' || fields WHERE id = '" + v.get(7).id() + "'"); // not places: read
        sql(ledger, "UPDATE releases SET fields = '0000ffff' || substr(fields, 9) WHERE id = '" + v.get(6).id() + "'"); // no id
        sql(ledger, "UPDATE releases SET fields = '0000fff0' || substr(fields, 9) WHERE id = '" + v.get(2).id() + "'"); // past the end
        // A newer version's field the listing does not show, before the known ones:
        sql(ledger, "UPDATE releases SET fields = NULL, body = '{\"extra\":{\"a\":[1,\"}\",null]},\"n\":-1.5e3,' || substr(body, 2)"
                + " WHERE id = '" + v.get(5).id() + "'");

        assertCopiesMatchRecords(ledger, 9, List.of(v.get(7).id(), ASTRAL));
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void aDamagedRowFailsNamingIt(Backends.Kind kind) throws Exception {
        Ledger ledger = backends.open(backends.fresh(kind, dir));
        Release release = Samples.release(1);
        ledger.recordRelease(release);
        sql(ledger, "UPDATE releases SET fields = NULL, body = '{\"id\":\"" + release.id() + "\",\"app\":\"shop\"}'");

        assertThatThrownBy(() -> ledger.forEachStoredReleaseNewestFirst(copies(new ArrayList<>())))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("the releases row " + release.id() + " is not a readable record");
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void aLedgerOfVersionOneGainsThePlacesColumnAndKeepsItsRows(Backends.Kind kind) throws Exception {
        LedgerLocation location = backends.fresh(kind, dir);
        Ledger ledger = backends.open(location);
        ledger.recordReleases(varied());
        sql(ledger, "ALTER TABLE releases DROP COLUMN fields");
        sql(ledger, "DELETE FROM schema_version WHERE version = 2");
        ledger.close();

        Ledger reopened = backends.open(location);
        assertCopiesMatchRecords(reopened, 9, List.of(ASTRAL));
        assertThat(fieldsStored(reopened)).isZero();
        reopened.recordRelease(Samples.release(42));
        assertThat(fieldsStored(reopened)).isEqualTo(1);
        assertCopiesMatchRecords(reopened, 10, List.of(ASTRAL));
    }

    /** {@code boundIds}: the releases expected to be read into records (their places unusable), not copied. */
    private void assertCopiesMatchRecords(Ledger ledger, int count, List<String> boundIds) throws Exception {
        List<Release> records = new ArrayList<>();
        ledger.forEachReleaseNewestFirst(records::add);
        List<String[]> copies = new ArrayList<>();
        ledger.forEachStoredReleaseNewestFirst(copies(copies));

        assertThat(copies).hasSize(count);
        assertThat(records).hasSize(count);
        for (int i = 0; i < count; i++) {
            Release r = records.get(i);
            String[] copy = copies.get(i);
            if (boundIds.contains(r.id())) {
                assertThat(copy).as("release %d", i).containsExactly("bound", r.id());
                continue;
            }
            assertThat(copy).as("release %d (%s), in Field order", i, r.id()).containsExactly(
                    escaped(r.id()), escaped(r.app()), escaped(r.ref().toString()), escaped(r.digest().value()),
                    escaped(text(r.inputDigest())), escaped(r.sourceUri()), escaped(r.sourceRevision()),
                    escaped(r.created().toString()), escaped(r.builderId()));
        }
    }

    /** Collects each release's fields as their escaped text (null for null); a record handed over is escaped here. */
    private static Ledger.StoredReleases copies(List<String[]> into) {
        return new Ledger.StoredReleases() {
            @Override
            public void stored(StoredRelease release) {
                String[] fields = new String[Field.values().length];
                for (Field f : Field.values()) {
                    int length = release.length(f);
                    fields[f.ordinal()] = length < 0 ? null
                            : new String(release.utf8(), release.start(f), length, StandardCharsets.UTF_8);
                }
                assertThat(release.id()).isEqualTo(unescaped(fields[Field.ID.ordinal()]));
                into.add(fields);
            }

            @Override
            public void bound(Release r) {
                into.add(new String[] {"bound", r.id()});
            }
        };
    }

    /** What Jackson's generator writes between the quotes for {@code value}. */
    private static String escaped(String value) {
        if (value == null) {
            return null;
        }
        try {
            String json = LedgerJson.MAPPER.writeValueAsString(value);
            return json.substring(1, json.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescaped(String text) {
        try {
            return LedgerJson.MAPPER.readValue("\"" + text + "\"", String.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static int fieldsStored(Ledger ledger) throws Exception {
        return query(ledger, "SELECT COUNT(*) FROM releases WHERE fields IS NOT NULL", r -> {
            try {
                return r.next() ? r.getInt(1) : -1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void sql(Ledger ledger, String statement) throws Exception {
        try (Connection c = connect(ledger); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static <T> T query(Ledger ledger, String sql, Function<java.sql.ResultSet, T> read) throws Exception {
        try (Connection c = connect(ledger); Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
            return read.apply(r);
        }
    }

    private static Connection connect(Ledger ledger) throws Exception {
        LedgerLocation location = ledger.location();
        if (location.isDatabase()) {
            return Backends.connect(location);
        }
        return java.sql.DriverManager.getConnection(location.jdbcUrl());
    }
}
