package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@code releases --output json}: {@link ReleaseArrayWriter} (releases copied as stored, laid out by
 * hand) writes the same bytes as the writer it replaced, Jackson's pretty-printing generator fed
 * {@link Json#writeRelease(JsonGenerator, ReleaseListing)} per release, on releases whose text needs escaping, is not
 * ASCII or is missing, and that run somewhere or nowhere, read from a real ledger (SQLite).
 */
class ReleaseArrayWriterTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");

    @TempDir
    Path dir;

    @Test
    void copiedReleasesAreTheDocumentTheGeneratorWrote() throws Exception {
        Path state = dir.resolve("state");
        List<Release> releases = varied();
        try (Ledger ledger = Ledger.open(state)) {
            ledger.recordReleases(releases);
            ledger.writeState("staging", Map.of("environment", "staging"));
            ledger.writeState("prod.eu_1", Map.of("environment", "prod.eu_1"));
            ledger.recordDeployment(step("staging", Colour.BLUE, releases.get(1), DeploymentState.ACTIVE, 1));
            ledger.recordDeployment(step("staging", Colour.GREEN, releases.get(3), DeploymentState.WARM, 2));
            ledger.recordDeployment(step("prod.eu_1", Colour.BLUE, releases.get(1), DeploymentState.ACTIVE, 3));
        }
        try (ReleaseEngine engine = ReleaseEngines.open(EngineConfig.builder(state).build())) {
            String expected = generatorDocument(engine);
            String written = writerDocument(engine);

            assertThat(written).isEqualTo(expected);
            // the releases really were copied (not all read into records), and all are there with their placements
            assertThat(copied(engine)).isEqualTo(releases.size() - 1); // all but the one a byte generator escapes
            assertThat(written).contains("\"app\" : \"emoji \\uD83D\\uDE00\"");
            assertThat(new ObjectMapper().readTree(written)).hasSize(releases.size());
            assertThat(written).contains("\"env\" : \"prod.eu_1\"").contains("rev \\\"quoted\\\" \\\\ back\\tslash\\nnew line \\u0001");
        }
    }

    @Test
    void recordsHandedOverAreWrittenAsTheGeneratorWroteThem() throws Exception {
        FakeEngine engine = new FakeEngine(); // its listing comes as records, through eachReleaseRow's default
        assertThat(writerDocument(engine)).isEqualTo(generatorDocument(engine));
    }

    @Test
    void anEmptyLedgerIsAnEmptyArray() throws Exception {
        try (ReleaseEngine engine = ReleaseEngines.open(EngineConfig.builder(dir.resolve("empty")).build())) {
            assertThat(writerDocument(engine)).isEqualTo(generatorDocument(engine)).isEqualTo("[ ]");
        }
    }

    private static List<Release> varied() {
        List<Release> releases = new ArrayList<>();
        releases.add(release("plain", "shop", "sha256", "https://git.example.com/team/shop.git", "0123abcd", 0, "cli@host"));
        releases.add(release("live", "shop", "sha256", "https://git.example.com/team/shop.git", "4567", 10,
                "https://jenkins.example.com/job/shop/7/"));
        releases.add(release("unicode", "café ünï \u007f \u2028 ✓", null, "https://git.example.com/équipe/shop.git",
                "rev \"quoted\" \\ back\tslash\nnew line \u0001", 20, "cli@hôte"));
        releases.add(release("nulls", "bare", null, null, null, 30, "cli@host"));
        releases.add(release("same-time", "tie", "sha256", "ssh://git@example.com/x.git", "", 30, "</script>&'"));
        releases.add(release("astral", "emoji 😀", null, null, "beyond the BMP: \uD83D\uDE00", 25, "cli@host"));
        Release whole = release("whole-second", "s", "sha256", "u", "r", 40, "b");
        releases.add(new Release(whole.id(), whole.app(), whole.ref(), whole.inputDigest(), whole.sourceUri(),
                whole.sourceRevision(), Instant.parse("2026-02-01T00:00:00Z"), whole.builderId()));
        return releases;
    }

    private static Release release(String seed, String app, String input, String uri, String revision, int seconds,
            String builder) {
        Digest image = digest("image-" + seed);
        return new Release(Release.idFor(image), app, new ImageRef("127.0.0.1:5000/team/" + seed, image),
                input == null ? null : digest("input-" + seed), uri, revision, T0.plusSeconds(seconds), builder);
    }

    private static Digest digest(String seed) {
        try {
            return Digest.ofSha256(java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeploymentRecord step(String env, Colour colour, Release release, DeploymentState state, int n) {
        return new DeploymentRecord(T0.plusSeconds(1000 + n), env, colour, release.id(), release.ref(), state, "step " + n);
    }

    /** The writer this class replaced: one pretty-printing generator over the whole array, element by element. */
    private static String generatorDocument(ReleaseEngine engine) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            List<ReleaseListing> listings = new ArrayList<>();
            engine.eachRelease(listings::add);
            for (ReleaseListing listing : listings) {
                Json.writeRelease(g, listing);
            }
            g.writeEndArray();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String writerDocument(ReleaseEngine engine) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReleaseArrayWriter writer = new ReleaseArrayWriter(out);
        engine.eachReleaseRow(writer);
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int copied(ReleaseEngine engine) throws Exception {
        int[] count = {0};
        engine.eachReleaseRow(new io.jenkins.plugins.immutable.engine.api.ReleaseRowSink() {
            @Override
            public void stored(io.jenkins.plugins.immutable.engine.api.StoredRelease release,
                    List<ReleaseListing.Placement> placements) {
                count[0]++;
            }

            @Override
            public void bound(ReleaseListing listing) {
            }
        });
        return count[0];
    }
}
