package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.stream.Stream;

/** Records for tests, all derived from a seed so that each is distinct and reproducible. */
final class Samples {

    static final Instant T0 = Instant.parse("2025-05-01T10:00:00.123456789Z");
    static final String REPOSITORY = "127.0.0.1:5000/team/shop";

    private Samples() {
    }

    /** A copy, at {@code state}, of the committed state folder written by the journal (resource journal-v1). */
    static Path journalFolder(Path state) throws IOException, URISyntaxException {
        Path sample = Path.of(Samples.class.getResource("journal-v1").toURI());
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = state.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    try (InputStream in = Files.newInputStream(from)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
        return state;
    }

    static Digest digest(String seed) {
        try {
            return Digest.ofSha256(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Release {@code n}; releases whose {@code n} agree modulo {@code inputsShared} share an input digest. */
    static Release release(String seed, int n, int inputsShared) {
        Digest image = digest("image-" + seed + "-" + n);
        return new Release(Release.idFor(image), "shop", new ImageRef(REPOSITORY, image), digest("input-" + seed + "-" + n % inputsShared),
                "https://git.example.com/team/shop.git", Integer.toHexString(n * 7919) + "0000000000000000000000000000000000",
                T0.plusSeconds(n), "https://jenkins.example.com/job/shop/" + n + "/");
    }

    static Release release(int n) {
        return release("s", n, Integer.MAX_VALUE);
    }

    static DeploymentRecord deployment(String environment, int n, DeploymentState state) {
        Release release = release(n);
        return new DeploymentRecord(T0.plusSeconds(100 + n), environment, n % 2 == 0 ? Colour.BLUE : Colour.GREEN, release.id(),
                release.ref(), state, "step " + n);
    }
}
